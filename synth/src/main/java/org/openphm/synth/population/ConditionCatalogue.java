package org.openphm.synth.population;

import static org.openphm.synth.population.EthnicFamily.BLACK;
import static org.openphm.synth.population.EthnicFamily.MIXED;
import static org.openphm.synth.population.EthnicFamily.NOT_STATED;
import static org.openphm.synth.population.EthnicFamily.SOUTH_ASIAN;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openphm.synth.population.ConditionSpec.InChildhood;
import org.openphm.synth.population.ConditionSpec.SinceOnset;

/**
 * The registers the person model draws, in causal order: a register may depend on those before it (DM before
 * HYP before CHD before HF ...). Obesity (from BMI) and palliative care (from approaching death) are drawn
 * elsewhere. Age shapes follow the familiar QOF age gradients; effects are on the log-odds scale. Sources of
 * the directions: DP 3.9 (neurodiversity), DP 4.3 (ethnicity); magnitudes are ours. Place patterns (DP 5.x) are
 * the ICB's, in its definition's condition_log_odds.
 */
final class ConditionCatalogue {
    private ConditionCatalogue() {}

    static final List<ConditionSpec> CHAIN = List.of(
            spec(
                    "LD",
                    knots(0, -5.3, 40, -5.3, 60, -5.9, 80, -6.8),
                    0,
                    0.4,
                    0.2,
                    0.2,
                    0,
                    eth(),
                    new InChildhood(2, 3, 0.0)),
            spec(
                    "AUT",
                    knots(0, 0, 100, 0),
                    0,
                    1.3,
                    0.1,
                    0.1,
                    0,
                    eth(SOUTH_ASIAN, -0.3, BLACK, 0.1),
                    new InChildhood(3, 3, 0.07)),
            spec(
                    "ADHD",
                    knots(0, 0, 100, 0),
                    0,
                    1.0,
                    0.2,
                    0.1,
                    0,
                    eth(SOUTH_ASIAN, -0.5, BLACK, -0.3),
                    new InChildhood(5, 3, 0.08)),
            spec("EP", knots(0, -0.6, 18, 0, 80, 0), 0, 0.15, 0.2, 0.3, 0, eth(), new SinceOnset(0.012)),
            spec(
                    "SMI",
                    knots(12, -5, 18, -1.2, 25, 0, 45, 0.5, 60, 0.5, 80, 0.2),
                    12,
                    0.1,
                    0.5,
                    0.5,
                    0,
                    eth(BLACK, 0.8, SOUTH_ASIAN, 0.0),
                    new SinceOnset(0.013)),
            spec(
                    "DEP",
                    knots(18, -0.6, 25, 0, 35, 0.25, 50, 0.25, 65, 0, 80, 0),
                    18,
                    -0.55,
                    0.25,
                    0.5,
                    0,
                    eth(SOUTH_ASIAN, -0.55, BLACK, -0.5, MIXED, 0.1),
                    new SinceOnset(0.058)),
            spec(
                    "AST",
                    knots(6, 0, 15, 0.3, 30, 0, 60, 0.1, 80, 0),
                    6,
                    -0.1,
                    0.15,
                    0.3,
                    0.02,
                    eth(SOUTH_ASIAN, -0.1),
                    new SinceOnset(0.002)),
            spec(
                    "CPAIN",
                    knots(18, 0, 30, 1.5, 50, 3.0, 70, 3.4, 85, 3.5),
                    18,
                    -0.4,
                    0.3,
                    0.6,
                    0.02,
                    eth(),
                    new SinceOnset(0.0)),
            spec(
                    "PDIS",
                    knots(0, 0, 40, 0.5, 60, 1.2, 80, 2.0, 90, 2.5),
                    0,
                    0.1,
                    0.25,
                    0.5,
                    0,
                    eth(),
                    new SinceOnset(0.0)),
            spec(
                    "DM",
                    knots(0, -4, 17, -3.5, 30, -1.9, 40, -0.9, 50, 0, 60, 0.5, 70, 0.8, 80, 0.8, 90, 0.5),
                    0,
                    0.3,
                    0.35,
                    0.5,
                    0.08,
                    eth(SOUTH_ASIAN, 1.0, BLACK, 0.65, MIXED, 0.3),
                    new SinceOnset(0.037)),
            spec(
                    "NDH",
                    knots(18, -2.5, 30, -1.3, 50, 0, 70, 0.6, 90, 0.4),
                    18,
                    0.1,
                    0.2,
                    0.3,
                    0.05,
                    eth(SOUTH_ASIAN, 0.6, BLACK, 0.4),
                    new SinceOnset(0.048)),
            spec(
                    "HYP",
                    knots(18, -5.2, 30, -4.0, 40, -2.7, 50, -1.6, 60, -0.7, 70, 0, 80, 0.5, 90, 0.6),
                    18,
                    0.15,
                    0.1,
                    0.5,
                    0.05,
                    eth(BLACK, 0.5, SOUTH_ASIAN, 0.15),
                    new SinceOnset(0.019)),
            spec(
                    "CHD",
                    knots(30, -5.5, 40, -3.8, 50, -2.5, 60, -1.5, 70, -0.7, 80, -0.1, 90, 0.1),
                    30,
                    0.7,
                    0.25,
                    0.6,
                    0.01,
                    eth(SOUTH_ASIAN, 0.4, BLACK, -0.3),
                    new SinceOnset(-0.003)),
            spec(
                    "AF",
                    knots(20, -7, 40, -5, 50, -4, 60, -2.8, 70, -1.7, 80, -0.9, 90, -0.5),
                    20,
                    0.35,
                    -0.05,
                    0.5,
                    0.02,
                    eth(SOUTH_ASIAN, -0.5, BLACK, -0.6, MIXED, -0.3),
                    new SinceOnset(0.047)),
            spec(
                    "STIA",
                    knots(20, -7, 40, -5, 60, -3.1, 70, -2.3, 80, -1.6, 90, -1.3),
                    20,
                    0.2,
                    0.2,
                    0.6,
                    0,
                    eth(BLACK, 0.3),
                    new SinceOnset(0.037)),
            spec(
                    "HF",
                    knots(20, -8, 40, -6, 60, -3.5, 70, -2.5, 80, -1.5, 90, -0.9),
                    20,
                    0.4,
                    0.25,
                    0.8,
                    0.03,
                    eth(BLACK, 0.2),
                    new SinceOnset(0.079)),
            spec(
                    "CKD",
                    knots(18, -8, 40, -6, 60, -4, 70, -3, 80, -2, 90, -1.4),
                    18,
                    -0.1,
                    0.2,
                    0.8,
                    0.02,
                    eth(SOUTH_ASIAN, 0.2, BLACK, 0.3),
                    new SinceOnset(0.03)),
            spec(
                    "PAD",
                    knots(40, -8, 60, -5.5, 80, -4, 90, -3.8),
                    40,
                    0.5,
                    0.3,
                    0.6,
                    0,
                    eth(SOUTH_ASIAN, -0.2),
                    new SinceOnset(-0.016)),
            spec(
                    "COPD",
                    knots(35, -7, 45, -4.5, 55, -3.2, 65, -2.3, 75, -1.7, 85, -1.6),
                    35,
                    0.1,
                    0.6,
                    0.7,
                    0,
                    eth(SOUTH_ASIAN, -0.7, BLACK, -0.6),
                    new SinceOnset(0.012)),
            spec(
                    "CAN",
                    knots(0, -6, 20, -5.5, 40, -3.6, 50, -2.7, 60, -1.9, 70, -1.2, 80, -0.8, 90, -0.7),
                    0,
                    -0.05,
                    -0.05,
                    0.3,
                    0,
                    eth(SOUTH_ASIAN, -0.6, BLACK, -0.3),
                    new SinceOnset(0.024)),
            spec(
                    "DEM",
                    knots(40, -9, 60, -6.5, 70, -4.5, 80, -2.7, 90, -1.3),
                    40,
                    -0.1,
                    0.1,
                    0.6,
                    0,
                    eth(SOUTH_ASIAN, -0.2),
                    new SinceOnset(0.003)),
            spec(
                    "RA",
                    knots(16, -8, 30, -6.5, 50, -5, 70, -4.3, 85, -4.3),
                    16,
                    -0.9,
                    0.1,
                    0.3,
                    0,
                    eth(),
                    new SinceOnset(0.01)),
            spec(
                    "OST",
                    knots(50, -6, 60, -5, 70, -4, 80, -3.2, 90, -2.8),
                    50,
                    -1.5,
                    0.0,
                    0.3,
                    -0.06,
                    eth(SOUTH_ASIAN, -0.2, BLACK, -0.6),
                    new SinceOnset(0.024)));

    static int indexOf(String id) {
        for (int i = 0; i < CHAIN.size(); i++) {
            if (CHAIN.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static ConditionSpec spec(
            String id,
            double[][] knots,
            int minAge,
            double male,
            double deprivation,
            double frailty,
            double bmi,
            Map<EthnicFamily, Double> eth,
            ConditionSpec.DiagnosisTiming timing) {
        return new ConditionSpec(id, knots[0], knots[1], minAge, male, deprivation, frailty, bmi, eth, timing);
    }

    private static double[][] knots(double... pairs) {
        double[] ages = new double[pairs.length / 2];
        double[] logits = new double[pairs.length / 2];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = pairs[2 * i];
            logits[i] = pairs[2 * i + 1];
        }
        return new double[][] {ages, logits};
    }

    /** Not-stated ethnicity: slightly less recorded disease (less contact with the practice). */
    private static Map<EthnicFamily, Double> eth(Object... pairs) {
        Map<EthnicFamily, Double> m = new EnumMap<>(EthnicFamily.class);
        m.put(NOT_STATED, -0.15);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((EthnicFamily) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }
}
