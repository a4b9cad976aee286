package org.openphm.publish.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Age groups read from their labels ("0-19", "30-39", "65+", "80+", "85 and over"), so a key point can tell
 * whether a chart's groups partition the ages (and may be ranked against each other) or nest (80+ inside 65+).
 */
final class AgeGroups {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*(?:-|\u2013|to)\\s*(\\d+)(?:\\s*yrs?)?");
    private static final Pattern OPEN = Pattern.compile("(\\d+)\\s*(?:\\+|and over|plus)(?:\\s*yrs?)?");

    private AgeGroups() {}

    /** True when the labels are all age groups and two of them share an age. */
    static boolean overlap(List<String> labels) {
        List<int[]> ranges = new ArrayList<>();
        for (String label : labels) {
            int[] r = parse(label.trim().toLowerCase(java.util.Locale.ROOT));
            if (r == null) {
                return false;
            }
            ranges.add(r);
        }
        for (int i = 0; i < ranges.size(); i++) {
            for (int j = i + 1; j < ranges.size(); j++) {
                if (ranges.get(i)[0] <= ranges.get(j)[1] && ranges.get(j)[0] <= ranges.get(i)[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] parse(String label) {
        Matcher m = RANGE.matcher(label);
        if (m.matches()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        m = OPEN.matcher(label);
        if (m.matches()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.MAX_VALUE};
        }
        return null;
    }
}
