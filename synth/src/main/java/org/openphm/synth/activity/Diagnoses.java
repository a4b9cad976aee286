package org.openphm.synth.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.synth.SyntheticPerson;

/**
 * ICD-10 (HES style, 4 characters, no dot) and OPCS-4 codes for spells that are not ACSC, by treatment
 * function; none is on the CCG OIS 2.6 ACSC list, so ACSC counts come only from the ACSC model. Secondary
 * diagnoses are the person's registers at admission, which is what lets a later analysis link spells to
 * conditions.
 */
final class Diagnoses {
    private Diagnoses() {}

    private static final Map<String, String[]> EMERGENCY = Map.ofEntries(
            Map.entry("100", new String[] {"K358", "K802", "R104", "K409", "L031"}),
            Map.entry("101", new String[] {"N200", "N390", "R33X"}),
            Map.entry("104", new String[] {"K573", "K566", "K590"}),
            Map.entry("110", new String[] {"S720", "S822", "S525", "S320"}),
            Map.entry("300", new String[] {"R074", "J189", "N390", "A419", "R55X", "R060"}),
            Map.entry("301", new String[] {"K922", "K703", "K859"}),
            Map.entry("320", new String[] {"I214", "R074", "I471"}),
            Map.entry("420", new String[] {"J219", "R509", "B349", "J069", "A084", "S060"}),
            Map.entry("430", new String[] {"J189", "N390", "R296", "A419", "E871", "R410"}),
            Map.entry("502", new String[] {"N832", "N700", "N939"}),
            Map.entry("711", new String[] {"F329", "F500", "F432", "F412", "F919"}));

    /** Elective: {diagnosis, procedure or empty}. */
    private static final Map<String, String[][]> ELECTIVE = Map.ofEntries(
            Map.entry("100", new String[][] {{"K409", "T201"}, {"K802", "J183"}}),
            Map.entry("101", new String[][] {{"N400", "M651"}, {"N200", "M141"}}),
            Map.entry("104", new String[][] {{"C189", "H073"}, {"K573", "H331"}}),
            Map.entry("110", new String[][] {{"M171", "W401"}, {"M161", "W371"}}),
            Map.entry("120", new String[][] {{"J350", "F341"}, {"J342", "E036"}}),
            Map.entry("130", new String[][] {{"H259", "C751"}}),
            Map.entry("300", new String[][] {{"R634", ""}, {"D649", "X339"}}),
            Map.entry("301", new String[][] {{"K219", "G451"}, {"K529", "H251"}}),
            Map.entry("303", new String[][] {{"D649", "X339"}, {"C900", "X352"}}),
            Map.entry("420", new String[][] {{"J350", "F341"}, {"K409", "T201"}}),
            Map.entry("430", new String[][] {{"R296", ""}}),
            Map.entry("502", new String[][] {{"N920", "Q073"}, {"N812", "P231"}}));

    static final String[] MATERNITY = {"O800", "O820", "O702", "O609"};
    static final String[] MATERNITY_PROCEDURES = {"R249", "R179", "R189", ""};

    private static final Map<String, String> REGISTER_ICD10 = Map.ofEntries(
            Map.entry("HYP", "I10X"),
            Map.entry("DM", "E119"),
            Map.entry("COPD", "J449"),
            Map.entry("HF", "I509"),
            Map.entry("AF", "I489"),
            Map.entry("CKD", "N183"),
            Map.entry("DEM", "F03X"),
            Map.entry("AST", "J459"),
            Map.entry("CHD", "I251"),
            Map.entry("SMI", "F209"),
            Map.entry("DEP", "F329"),
            Map.entry("EP", "G409"),
            Map.entry("LD", "F79X"),
            Map.entry("OB", "E669"),
            Map.entry("STIA", "Z867"),
            Map.entry("CAN", "Z853"),
            Map.entry("PAD", "I739"),
            Map.entry("RA", "M069"),
            Map.entry("OST", "M819"),
            Map.entry("NDH", "R739"),
            Map.entry("PC", "Z515"));

    static String emergency(SplittableRandom rng, String treatmentFunction) {
        String[] codes = EMERGENCY.getOrDefault(treatmentFunction, EMERGENCY.get("300"));
        return codes[rng.nextInt(codes.length)];
    }

    static String[] elective(SplittableRandom rng, String treatmentFunction) {
        String[][] options = ELECTIVE.getOrDefault(treatmentFunction, ELECTIVE.get("300"));
        return options[rng.nextInt(options.length)];
    }

    /** The person's registers at a date as secondary diagnoses, ';'-separated; null when there are none. */
    static String secondary(SyntheticPerson person, LocalDate on, String primary) {
        List<String> codes = new ArrayList<>();
        person.conditions().keySet().stream().sorted().forEach(register -> {
            String code = REGISTER_ICD10.get(register);
            if (code != null && person.hasCondition(register, on) && !code.equals(primary) && codes.size() < 8) {
                codes.add(code);
            }
        });
        return codes.isEmpty() ? null : String.join(";", codes);
    }
}
