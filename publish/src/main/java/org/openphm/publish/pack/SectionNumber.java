package org.openphm.publish.pack;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Data-pack section references such as "DP 5.9" or "DP 3.11": the key that orders the pack like the seed. */
final class SectionNumber {
    private SectionNumber() {}

    private static final Pattern DP = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

    static int major(String section) {
        Matcher m = section == null ? null : DP.matcher(section);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static int minor(String section) {
        Matcher m = section == null ? null : DP.matcher(section);
        return m != null && m.find() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    }

    /** "DP 3.2" before "DP 3.11" (numeric, not text, order). */
    static final Comparator<String> ORDER =
            Comparator.comparingInt(SectionNumber::major).thenComparingInt(SectionNumber::minor);
}
