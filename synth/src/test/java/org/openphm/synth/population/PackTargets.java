package org.openphm.synth.population;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published BLMK figures the synthetic population is calibrated to, copied from BLMK ICB's population
 * health Data Pack (sections cited per figure, "DP n.m") with the tolerances noted beside them. Shared by the
 * calibration test (which checks them from the CSV files) and the offline fitter.
 */
final class PackTargets {
    private PackTargets() {}

    /** DP 1.2: registered population on 31 March 2025. */
    static final long REGISTERED = 1_139_000;

    static final double AGED_65_PLUS = 15.0;
    static final double WHITE = 64.0;
    static final double NOT_STATED = 5.0;
    static final double MOST_DEPRIVED_TWO_QUINTILES = 34.0;
    static final double GROWTH_SINCE_2019_20 = 6.1;
    /** DP 4.5: deaths in 2024/25. */
    static final long DEATHS_2024_25 = 7_652;

    /** DP 3.7, last row ("All BLMK pts"): % of all registered patients, all ages. */
    static final Map<String, Double> WHOLE_POPULATION = ordered(
            "CAN", 4.1, "STIA", 1.9, "CKD", 0.7, "CPAIN", 1.7, "COPD", 1.8, "CHD", 3.8, "DEM", 0.7, "DEP", 8.1, "DM",
            6.8, "EP", 0.9, "HF", 1.3, "HYP", 10.8, "LD", 0.4, "PDIS", 0.8, "SMI", 1.1);

    /** DP 3.11 columns and rows, in the seed's order, as register ids. */
    static final List<String> MATRIX_CONDITIONS =
            List.of("AF", "CAN", "STIA", "CKD", "COPD", "CHD", "DEM", "DEP", "DM", "HF", "HYP", "LD", "SMI");

    /** DP 3.11: P(column | row) in %, whole BLMK population (PAPI dashboard, 2023); diagonal NaN. */
    static final double[][] MATRIX = {
        {Double.NaN, 21.8, 21.7, 9.6, 16.0, 43.1, 7.8, 14.1, 29.4, 30.6, 75.2, 0.3, 1.9},
        {10.7, Double.NaN, 8.0, 4.4, 9.3, 15.2, 2.9, 14.0, 19.4, 6.4, 45.2, 0.5, 1.7},
        {22.8, 17.2, Double.NaN, 7.4, 13.4, 30.7, 11.7, 20.4, 29.0, 14.6, 67.3, 1.1, 3.7},
        {26.3, 24.5, 19.3, Double.NaN, 15.6, 37.4, 8.4, 18.2, 38.5, 25.4, 80.5, 1.0, 3.3},
        {18.5, 21.9, 14.7, 6.6, Double.NaN, 32.0, 5.7, 24.5, 27.5, 16.6, 59.9, 0.8, 4.1},
        {23.1, 16.5, 15.6, 7.3, 14.8, Double.NaN, 5.3, 16.7, 37.0, 20.8, 75.2, 0.6, 2.5},
        {24.0, 18.0, 34.4, 9.5, 15.2, 30.6, Double.NaN, 23.5, 30.5, 16.1, 69.6, 1.8, 6.5},
        {3.5, 7.2, 4.9, 1.7, 5.3, 7.8, 1.9, Double.NaN, 12.0, 2.8, 20.0, 1.8, 7.2},
        {8.7, 11.7, 8.2, 4.2, 7.0, 20.5, 2.9, 14.2, Double.NaN, 7.3, 50.2, 1.0, 3.1},
        {47.5, 20.1, 21.6, 14.4, 22.3, 60.4, 8.1, 17.6, 38.1, Double.NaN, 79.8, 0.8, 3.0},
        {14.2, 17.4, 12.1, 5.6, 9.8, 26.6, 4.3, 15.1, 32.0, 9.7, Double.NaN, 0.6, 2.2},
        {1.7, 5.1, 5.1, 1.7, 3.4, 4.9, 2.8, 35.1, 16.7, 2.5, 13.9, Double.NaN, 13.8},
        {3.7, 6.5, 6.8, 2.3, 6.8, 8.8, 4.0, 55.5, 20.0, 3.8, 22.2, 5.6, Double.NaN}
    };

    /** DP 3.7: comorbidity columns of the reference rows that DP 3.11 lacks: row -> column -> %. */
    static final Map<String, Map<String, Double>> DP_3_7_EXTRA = Map.of(
            "DEP", ordered("CPAIN", 6.8, "EP", 2.6, "PDIS", 2.1),
            "LD", ordered("CPAIN", 3.6, "EP", 17.0, "PDIS", 10.4),
            "SMI", ordered("CPAIN", 6.1, "EP", 5.3, "PDIS", 2.6));

    /** DP 4.3: hypertensives whose last blood pressure is at or below target. */
    static final double BP_CONTROLLED = 66.0;

    static final double BP_CONTROLLED_BLACK = 58.0;

    static double matrix(String row, String column) {
        return MATRIX[MATRIX_CONDITIONS.indexOf(row)][MATRIX_CONDITIONS.indexOf(column)];
    }

    static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }
}
