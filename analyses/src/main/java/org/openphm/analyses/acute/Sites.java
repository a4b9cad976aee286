package org.openphm.analyses.acute;

import java.util.Map;

/**
 * Acute sites as the data pack names them: DP 8.13 prints "RC971: Luton & Dunstable Hospital", DP 8.14/8.15
 * abbreviate the same sites BH, L&D and MK. Other site codes are shown as they come; a spell without one is
 * "Not recorded" (DP 9: provider site is often missing).
 */
final class Sites {
    private Sites() {}

    static final String NOT_RECORDED = "Not recorded";

    private static final Map<String, String[]> KNOWN = Map.of(
            "RC971", new String[] {"Luton & Dunstable Hospital", "L&D"},
            "RC979", new String[] {"Bedford Hospital", "BH"},
            "RD816", new String[] {"Milton Keynes Hospital", "MK"});

    static String name(String code) {
        String[] s = KNOWN.get(code);
        return s == null ? code : s[0];
    }

    static String shortName(String code) {
        String[] s = KNOWN.get(code);
        return s == null ? code : s[1];
    }
}
