package org.openphm.analyses.acute;

import org.openphm.analyses.icb.IcbProfile;

/**
 * Acute sites as the ICB's data pack names them, in full (DP 8.13: "code: name") and abbreviated (DP 8.14/8.15):
 * the ICB profile's acute_sites ({@link IcbProfile}). Other site codes are shown as they come; a spell without
 * one is "Not recorded" (DP 9: provider site is often missing).
 */
final class Sites {
    private Sites() {}

    static final String NOT_RECORDED = "Not recorded";

    static String name(String code) {
        IcbProfile.Site s = IcbProfile.current().acuteSites().get(code);
        return s == null ? code : s.name();
    }

    static String shortName(String code) {
        IcbProfile.Site s = IcbProfile.current().acuteSites().get(code);
        return s == null ? code : s.shortName();
    }
}
