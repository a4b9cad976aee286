package org.openphm.analyses.projection;

/**
 * An age band label read as ages: "30-34" is 30 to 34, "90+" is 90 upwards. Lets the registered population's
 * ESP2013 bands be matched to whatever bands a projection is published in (ONS SNPP stop at 90+, local
 * projections sometimes at 85+).
 */
record AgeRange(int lower, int upper) {

    static final int OPEN = Integer.MAX_VALUE;

    static AgeRange parse(String label) {
        String s = label.trim();
        if (s.endsWith("+")) {
            return new AgeRange(Integer.parseInt(s.substring(0, s.length() - 1)), OPEN);
        }
        String[] parts = s.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an age band like 30-34 or 90+: " + label);
        }
        return new AgeRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    boolean contains(int age) {
        return age >= lower && age <= upper;
    }
}
