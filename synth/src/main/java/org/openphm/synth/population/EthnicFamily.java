package org.openphm.synth.population;

/** Ethnic families that differ in disease risk (e.g. diabetes in South Asian and Black people). */
enum EthnicFamily {
    WHITE,
    MIXED,
    SOUTH_ASIAN,
    BLACK,
    OTHER,
    NOT_STATED;

    static EthnicFamily of(String code) {
        if (code == null || code.equals("Z") || code.equals("99")) {
            return NOT_STATED;
        }
        return switch (code) {
            case "A", "B", "C" -> WHITE;
            case "D", "E", "F", "G" -> MIXED;
            case "H", "J", "K", "L" -> SOUTH_ASIAN;
            case "M", "N", "P" -> BLACK;
            default -> OTHER;
        };
    }
}
