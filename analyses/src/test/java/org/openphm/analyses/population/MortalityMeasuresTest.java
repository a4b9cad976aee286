package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.AreaType;
import org.openphm.model.FinancialYear;

/**
 * The mortality tables of DP 2.4 reproduce published values when their cells hold published inputs: the cells'
 * age bands (with 15-19 split at 18 for DP 4.2) must be put back together exactly as the stats methods expect.
 */
class MortalityMeasuresTest {

    static final FinancialYear Y = FinancialYear.parse("2024/25");
    static final Geography GEOGRAPHY = Geography.of(List.of(
            new Geography.Area("QHG", "BLMK", AreaType.ICB, Geography.ENGLAND_CODE),
            new Geography.Area("P", "Place", AreaType.PLACE, "QHG"),
            new Geography.Area("N", "Hood", AreaType.NEIGHBOURHOOD, "P")));

    /** Cells for one area, sex and year from counts by {@link MortalityCells#BAND_STARTS}. */
    static List<MortalityCells.Cell> cells(FinancialYear year, String sex, double[] population, double[] deaths) {
        List<MortalityCells.Cell> out = new ArrayList<>();
        for (int i = 0; i < MortalityCells.BAND_STARTS.size(); i++) {
            int start = MortalityCells.BAND_STARTS.get(i);
            out.add(new MortalityCells.Cell(year, "N", "P", "QHG", sex, start, "1", false, 0, population[i]));
            out.add(new MortalityCells.Cell(year, "N", "P", "QHG", sex, start, "1", false, deaths[i], 0));
        }
        return out;
    }

    /*
     * PHEindicatormethods tests/testthat/testLifeExpectancy.R, input df1 and expected answer1 (copied to
     * stats/src/test/resources/oracles/life_expectancy.csv, case LE_df1_age0_c95): populations 7060; 35059; 46974;
     * 48489; 43219; ... and deaths 17; 9; 4; 8; 20; ... over the 20 Fingertips bands give life expectancy at birth
     * 80.16960813 (95% CI 79.88268548 to 80.45653078), pops_used 787954, dths_used 9357. The 15-19 band (43219
     * people, 20 deaths) is split here into 15-17 (26000, 12) and 18-19 (17219, 8), as the cells hold it.
     */
    @Test
    void lifeExpectancyFromCellsMatchesPheIndicatorMethods() {
        double[] pops = {
            7060, 35059, 46974, 48489, 26000, 17219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820,
            37978, 37039, 33288, 23306, 11936, 11936
        };
        double[] deaths = {17, 9, 4, 8, 12, 8, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937
        };
        // Three pooled years: the published inputs all fall in the last; the earlier two add nothing.
        List<FinancialYear> years = List.of(FinancialYear.parse("2022/23"), FinancialYear.parse("2023/24"), Y);
        AnalysisTable t =
                LifeExpectancyAnalysis.lifeExpectancy(MortalityCells.of(cells(Y, "F", pops, deaths)), GEOGRAPHY, years);
        List<Object> icbAtBirth = t.rows().stream()
                .filter(r -> r.get(0).equals("ICB")
                        && r.get(3).equals("Female")
                        && r.get(5).equals(0L))
                .findFirst()
                .orElseThrow();
        assertEquals("2022/23 - 2024/25", icbAtBirth.get(4));
        assertEquals(80.1696, round4((Double) icbAtBirth.get(6)));
        assertEquals(79.8827, round4((Double) icbAtBirth.get(7)));
        assertEquals(80.4565, round4((Double) icbAtBirth.get(8)));
        assertEquals(9357L, icbAtBirth.get(9));
        assertEquals(787954L, icbAtBirth.get(10));
        assertEquals("Not compared", icbAtBirth.get(12), "the ICB is the comparator");
        // The one Place holds every cell, so its interval is the ICB's and contains the ICB's value: similar.
        List<Object> placeAtBirth = t.rows().stream()
                .filter(r -> r.get(0).equals("Place")
                        && r.get(3).equals("Female")
                        && r.get(5).equals(0L))
                .findFirst()
                .orElseThrow();
        assertEquals(80.1696, round4((Double) placeAtBirth.get(6)));
        assertEquals("Similar", placeAtBirth.get(12));
        // Men have no cells: every band is empty, so Fingertips' rule withholds the whole table.
        List<Object> men = t.rows().stream()
                .filter(r -> r.get(0).equals("ICB")
                        && r.get(3).equals("Male")
                        && r.get(5).equals(0L))
                .findFirst()
                .orElseThrow();
        assertNull(men.get(6));
        assertEquals("Not calculated: some age bands have a zero or less population", men.get(11));
    }

    /*
     * PHEindicatormethods tests/testthat/testDSRs.R with testdata_DSR_ISR.xlsx (oracle DSR_big_m100000_c95 in
     * stats/src/test/resources/oracles/dsr_dobson.csv): counts 127; 25; 18; 21; ... over populations 636; 558; 609;
     * 543; ... in the 19 ESP2013 bands give 10430.2479914694 per 100,000 (95% CI 9717.70906798568 to
     * 11178.9409154793). The cells split 0-4 into 0 and 1-4 and 15-19 into 15-17 and 18-19.
     */
    @Test
    void allCauseDsrFromCellsMatchesPheIndicatorMethods() {
        double[] counts = {127, 25, 18, 21, 12, 27, 48, 27, 29, 32, 32, 34, 45, 65, 38, 68, 74, 82, 91};
        double[] pops = {636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207};
        double[] cellDeaths = new double[21];
        double[] cellPops = new double[21];
        // band 0-4 -> 0 (27 deaths / 136 people) and 1-4 (100 / 500); 15-19 -> 15-17 (11 / 300) and 18-19 (10 / 243)
        cellDeaths[0] = 27;
        cellPops[0] = 136;
        cellDeaths[1] = 100;
        cellPops[1] = 500;
        for (int esp = 1; esp < 19; esp++) {
            int cell = esp < 3 ? esp + 1 : esp + 2;
            if (esp == 3) {
                cellDeaths[4] = 11;
                cellPops[4] = 300;
                cellDeaths[5] = 10;
                cellPops[5] = 243;
                continue;
            }
            cellDeaths[cell] = counts[esp];
            cellPops[cell] = pops[esp];
        }
        AnalysisTable t = LifeExpectancyAnalysis.mortality(
                MortalityCells.of(cells(Y, "F", cellPops, cellDeaths)), GEOGRAPHY, List.of(Y));
        List<Object> persons = t.rows().stream()
                .filter(r -> r.get(0).equals("ICB") && r.get(3).equals("Persons"))
                .findFirst()
                .orElseThrow();
        assertEquals(895L, persons.get(5));
        assertEquals(8970L, persons.get(6));
        assertEquals(10430.2479914694, (Double) persons.get(7), 1e-8);
        assertEquals(9717.70906798568, (Double) persons.get(8), 1e-8);
        assertEquals(11178.9409154793, (Double) persons.get(9), 1e-8);
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
