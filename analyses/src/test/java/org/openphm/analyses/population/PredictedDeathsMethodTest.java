package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PredictedDeathsMethodTest {

    /** The method is printed in the pack: "reduced by 1.0999999999999999% a year" was 0.011 × 100 as a double. */
    @Test
    void theMortalityImprovementIsPrintedAsOnePointOnePercent() {
        String method = new PredictedDeaths(new SharedMortality()).info().method();
        assertTrue(method.contains("reduced by 1.1% a year"), method);
    }
}
