package org.openphm.synth.activity;

import java.util.SplittableRandom;

/**
 * Treatment function of a spell by age and sex (assumed mixes). The functions are the ones DP 8.14/8.15
 * tabulate (100 general surgery, 101 urology, 104 colorectal, 110 trauma and orthopaedics, 300 general
 * internal medicine, 301 gastroenterology, 420 paediatrics, 430 elderly medicine, 502 gynaecology) plus a
 * few common others (120 ENT, 130 ophthalmology, 303 clinical haematology, 320 cardiology) so that "All
 * activity" is not only the tabulated functions.
 */
final class TreatmentFunctions {
    private TreatmentFunctions() {}

    private static final String[] CHILD_EMERGENCY = {"420", "100", "110"};
    private static final double[] CHILD_EMERGENCY_W = {0.85, 0.08, 0.07};
    private static final String[] ADULT_EMERGENCY = {"300", "100", "110", "101", "104", "301", "502", "320", "430"};
    private static final double[][] ADULT_EMERGENCY_W = {
        {0.34, 0.18, 0.12, 0.06, 0.03, 0.08, 0.10, 0.09, 0.00}, // 18-64
        {0.40, 0.10, 0.12, 0.05, 0.03, 0.05, 0.00, 0.05, 0.20}, // 65-79
        {0.25, 0.05, 0.12, 0.03, 0.00, 0.00, 0.00, 0.00, 0.55}
    }; // 80+

    private static final String[] CHILD_ELECTIVE = {"420", "100", "110", "120"};
    private static final double[] CHILD_ELECTIVE_W = {0.50, 0.15, 0.15, 0.20};
    private static final String[] ADULT_ELECTIVE = {"100", "101", "104", "110", "130", "300", "301", "303", "502", "430"
    };
    private static final double[] ADULT_ELECTIVE_W = {0.14, 0.10, 0.05, 0.14, 0.14, 0.05, 0.15, 0.08, 0.08, 0.03};

    static String emergency(SplittableRandom rng, int age, boolean female) {
        if (age < 18) {
            return CHILD_EMERGENCY[Draws.pick(rng, CHILD_EMERGENCY_W)];
        }
        double[] w = ADULT_EMERGENCY_W[age < 65 ? 0 : age < 80 ? 1 : 2].clone();
        if (!female) {
            w[6] = 0; // gynaecology
        }
        return ADULT_EMERGENCY[Draws.pick(rng, w)];
    }

    static String elective(SplittableRandom rng, int age, boolean female) {
        if (age < 18) {
            return CHILD_ELECTIVE[Draws.pick(rng, CHILD_ELECTIVE_W)];
        }
        double[] w = ADULT_ELECTIVE_W.clone();
        if (!female) {
            w[8] = 0;
        }
        if (age < 75) {
            w[9] = 0; // elderly medicine
        }
        return ADULT_ELECTIVE[Draws.pick(rng, w)];
    }
}
