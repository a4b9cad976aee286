package org.openphm.synth.activity;

/**
 * Acute hospital sites BLMK patients are admitted to. Site codes are those DP 8.13 prints (RC971, RC979,
 * RD816). Out-of-area trusts are a small share; their spells carry no site code, the under-reporting of
 * provider site DP 9 describes (more than 85% missing), while the delay-by-site analysis stays possible for
 * the three local sites, which are coded.
 */
enum Site {
    LUTON_AND_DUNSTABLE("RC9", "RC971"),
    BEDFORD("RC9", "RC979"),
    MILTON_KEYNES("RD8", "RD816"),
    OXFORD("RTH", null),
    WEST_HERTFORDSHIRE("RWG", null),
    KETTERING("RNQ", null);

    final String provider;
    final String code;

    Site(String provider, String code) {
        this.provider = provider;
        this.code = code;
    }

    boolean local() {
        return code != null;
    }

    /** Where a Place's patients are admitted (assumed shares: the nearest local site, some out of area). */
    static double[] shares(Place place) {
        return switch (place) {
            case BEDFORD -> new double[] {0.04, 0.90, 0.00, 0.03, 0.00, 0.03};
            case CENTRAL_BEDFORDSHIRE -> new double[] {0.50, 0.36, 0.04, 0.02, 0.06, 0.02};
            case LUTON -> new double[] {0.94, 0.00, 0.00, 0.02, 0.04, 0.00};
            case MILTON_KEYNES -> new double[] {0.00, 0.00, 0.93, 0.05, 0.00, 0.02};
        };
    }
}
