package org.openphm.analyses.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.qof.QofIndicators;
import org.openphm.model.AreaType;

/** England's published value becomes a comparator row of the results, for the periods it is held for only. */
class EnglandRowsTest {
    @Test
    void anEnglandRowPerHeldPeriodWithTheReferenceValueAndNoComputedFigures() {
        Geography geography =
                Geography.of(List.of(new Geography.Area("QHG", "BLMK", AreaType.ICB, Geography.ENGLAND_CODE)));
        IndicatorSpec dm = spec("qof-prevalence-dm");
        IndicatorSpec hyp = spec("qof-prevalence-hyp");
        EnglandComparator england = EnglandComparator.empty();
        // QOF 2023/24 England diabetes prevalence (17+), 7.7%: held for one of the two years only.
        england.put(dm.id(), "2023/24", new EnglandComparator.Value(7.7, false, "QOF 2023/24"));
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        for (String period : List.of("2023/24", "2024/25")) {
            for (IndicatorSpec s : List.of(dm, hyp)) {
                AgeBandCounts c = new AgeBandCounts();
                c.add(10, 80, 1000);
                cells.put(new CellKey(s.id(), "QHG", AreaType.ICB, period, Breakdown.NONE, null), c);
            }
        }
        IndicatorCalculator calc = new IndicatorCalculator(geography, england);
        List<IndicatorRow> rows = new java.util.ArrayList<>(calc.rows(dm, cells));
        rows.addAll(calc.rows(hyp, cells));
        List<IndicatorRow> eng = calc.englandRows(rows);
        assertEquals(1, eng.size(), "one held value, one row; none for hypertension or 2024/25");
        IndicatorRow r = eng.get(0);
        assertEquals(
                List.of(dm.id(), "E92000001", "England", "England", "2023/24"),
                List.of(r.indicatorId(), r.areaCode(), r.areaName(), r.areaType(), r.period()));
        assertEquals(7.7, r.value());
        assertNull(r.count());
        assertNull(r.lowerCi95());
        assertEquals(rows.get(0).age(), r.age());
        assertTrue(r.isHeadline());
        assertTrue(r.note().contains("QOF 2023/24"), r.note());
        // the ICB row is compared with it: 8.0% (80 / 1000), Wilson 95% 6.47% to 9.85% contains 7.7%: similar
        IndicatorRow icb = rows.stream()
                .filter(x -> x.indicatorId().equals(dm.id()) && x.period().equals("2023/24"))
                .findFirst()
                .orElseThrow();
        assertEquals("Similar", icb.comparedToEngland());
    }

    /**
     * Issue 16 item 2: the synthetic feed projects 2019/20's published England value forward ("assumed 0.0% a
     * year"). Such a value is no published figure: it draws no England row and decides no significance, and the
     * row says why. 2% of 1,000 (Wilson 1.30% to 3.07%) against a synthetic 7.7% would have been "Lower".
     */
    @Test
    void aSyntheticEnglandValueIsNeitherDrawnNorCompared() {
        Geography geography =
                Geography.of(List.of(new Geography.Area("QHG", "BLMK", AreaType.ICB, Geography.ENGLAND_CODE)));
        IndicatorSpec dm = spec("qof-prevalence-dm");
        EnglandComparator england = EnglandComparator.empty();
        england.put(dm.id(), "2024/25", new EnglandComparator.Value(7.7, true, "2019/20 projected"));
        AgeBandCounts c = new AgeBandCounts();
        c.add(10, 20, 1000);
        Map<CellKey, AgeBandCounts> cells =
                Map.of(new CellKey(dm.id(), "QHG", AreaType.ICB, "2024/25", Breakdown.NONE, null), c);
        IndicatorCalculator calc = new IndicatorCalculator(geography, england);
        List<IndicatorRow> rows = calc.rows(dm, cells);
        assertTrue(calc.englandRows(rows).isEmpty(), "no England row from a synthetic value");
        assertEquals("Not compared", rows.get(0).comparedToEngland());
        assertEquals("Not compared", rows.get(0).comparedToParent(), "an ICB's parent is England");
        assertTrue(
                rows.get(0).note().contains("not a published figure"),
                rows.get(0).note());
    }

    private static IndicatorSpec spec(String id) {
        return QofIndicators.all().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
