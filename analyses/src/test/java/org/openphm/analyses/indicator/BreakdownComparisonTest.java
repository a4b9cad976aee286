package org.openphm.analyses.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.qof.QofIndicators;
import org.openphm.model.AreaType;

/**
 * A breakdown category is compared with its own area as a whole, as in Fingertips' inequality breakdowns
 * (each group's 95% interval against the area's overall value, the Fingertips "benchmark value" test).
 * Wilson limits (Newcombe 1998, method 3) worked by hand below.
 */
class BreakdownComparisonTest {
    private static final String ICB = "QHG";
    private static final String LUTON = "E06000032";

    /*
     * ICB 2024/25: 50 of 100 (50%). Women 45 of 50 (90%), men 5 of 50 (10%).
     * Wilson 95%, z² = 3.841459: women (90 + 3.841459 ∓ 1.959964·√(3.841459 + 4·45·0.1)) / (2·53.841459)
     *   = (93.841459 ∓ 9.15993) / 107.682918 -> 78.64% to 95.65%: the ICB's 50% lies below -> Higher.
     * men, by symmetry, 4.35% to 21.36%: 50% lies above -> Lower.
     * Luton 10 of 20 (50%), Luton women 6 of 10 (60%): Wilson (12 + 3.841459 ∓ 1.959964·√(3.841459 + 4·6·0.4))
     *   / (2·13.841459) = (15.841459 ∓ 7.18574) / 27.682918 -> 31.27% to 83.18%: contains Luton's 50% -> Similar
     *   (compared with Luton as a whole, not with the ICB's women).
     */
    @Test
    void eachGroupIsComparedWithItsOwnAreaAsAWhole() {
        Geography geography = Geography.of(List.of(
                new Geography.Area(ICB, "BLMK", AreaType.ICB, Geography.ENGLAND_CODE),
                new Geography.Area(LUTON, "Luton", AreaType.PLACE, ICB)));
        IndicatorSpec dm = QofIndicators.all().stream()
                .filter(s -> s.id().equals("qof-prevalence-dm"))
                .findFirst()
                .orElseThrow();
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        put(cells, dm, ICB, AreaType.ICB, Breakdown.NONE, null, 50, 100);
        put(cells, dm, ICB, AreaType.ICB, Breakdown.SEX, "F", 45, 50);
        put(cells, dm, ICB, AreaType.ICB, Breakdown.SEX, "M", 5, 50);
        put(cells, dm, LUTON, AreaType.PLACE, Breakdown.NONE, null, 10, 20);
        put(cells, dm, LUTON, AreaType.PLACE, Breakdown.SEX, "F", 6, 10);
        List<IndicatorRow> rows = new IndicatorCalculator(geography, EnglandComparator.empty()).rows(dm, cells);
        IndicatorRow women = row(rows, ICB, "Female");
        assertEquals(78.64, women.lowerCi95(), 0.005);
        assertEquals(95.65, women.upperCi95(), 0.005);
        assertEquals("Higher", women.comparedToParent());
        assertEquals("Lower", row(rows, ICB, "Male").comparedToParent());
        IndicatorRow lutonWomen = row(rows, LUTON, "Female");
        assertEquals(31.27, lutonWomen.lowerCi95(), 0.005);
        assertEquals(83.18, lutonWomen.upperCi95(), 0.005);
        assertEquals("Similar", lutonWomen.comparedToParent());
        // England has no value for a breakdown, so that comparison stays "Not compared".
        assertEquals("Not compared", women.comparedToEngland());
    }

    private static void put(
            Map<CellKey, AgeBandCounts> cells,
            IndicatorSpec spec,
            String area,
            AreaType type,
            Breakdown b,
            String category,
            double num,
            double den) {
        AgeBandCounts c = new AgeBandCounts();
        c.add(10, num, den); // one age band (50-54): a crude proportion does not standardise
        cells.put(new CellKey(spec.id(), area, type, "2024/25", b, category), c);
    }

    private static IndicatorRow row(List<IndicatorRow> rows, String area, String category) {
        return rows.stream()
                .filter(r -> r.areaCode().equals(area) && category.equals(r.category()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " row for " + area + " in " + rows));
    }
}
