package org.openphm.synth.activity;

/** The four BLMK Places (local authority ONS codes; CodeSets.PLACE checks only their shape). */
enum Place {
    BEDFORD("E06000055"),
    CENTRAL_BEDFORDSHIRE("E06000056"),
    LUTON("E06000032"),
    MILTON_KEYNES("E06000042");

    final String code;

    Place(String code) {
        this.code = code;
    }

    static Place of(String code) {
        for (Place p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a BLMK Place: " + code);
    }
}
