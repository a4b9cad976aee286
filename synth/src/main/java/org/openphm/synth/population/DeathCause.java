package org.openphm.synth.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openphm.synth.SyntheticPerson;

/**
 * Underlying cause of death (ICD-10) from the person's registers and age: a fatal register is the usual
 * cause; otherwise the commonest causes at that age. Suicide (X60-X84) among younger deaths is more likely
 * with serious mental illness or depression, and in men, so DP 3.2 and 4.2 analyses find it where it belongs.
 */
final class DeathCause {
    private DeathCause() {}

    static String draw(SyntheticPerson p, double age, SplittableRandom r) {
        List<String> candidates = new ArrayList<>();
        if (p.conditions().containsKey("CAN")) {
            candidates.add(new String[] {"C349", "C189", "C509", "C61X", "C259", "C800"}[r.nextInt(6)]);
        }
        if (p.conditions().containsKey("DEM")) {
            candidates.add("F03X");
        }
        if (p.conditions().containsKey("HF")) {
            candidates.add("I500");
        }
        if (p.conditions().containsKey("CHD")) {
            candidates.add(r.nextBoolean() ? "I219" : "I251");
        }
        if (p.conditions().containsKey("STIA")) {
            candidates.add("I64X");
        }
        if (p.conditions().containsKey("COPD")) {
            candidates.add("J449");
        }
        boolean mentalIllness =
                p.conditions().containsKey("SMI") || p.conditions().containsKey("DEP");
        // men die by suicide about three times as often as women (ONS); with the sexes' other death rates this
        // gives BLMK about 9 per 100,000 against England's 10-11 and men near England's rate (DP 3.2)
        double sex = "M".equals(p.sex()) ? 1.8 : 0.6;
        if (age >= 10 && age < 70 && r.nextDouble() < (mentalIllness ? 0.12 : 0.03) * sex) {
            return new String[] {"X700", "X800", "X420", "X610"}[r.nextInt(4)];
        }
        if (!candidates.isEmpty() && r.nextDouble() < 0.75) {
            return candidates.get(r.nextInt(candidates.size()));
        }
        if (age < 1) {
            return "P072";
        }
        if (age < 40) {
            return new String[] {"V892", "X420", "C719", "G409"}[r.nextInt(4)];
        }
        return new String[] {"J189", "I219", "C349", "I64X", "J449", "N390", "K703", "C189"}[r.nextInt(8)];
    }
}
