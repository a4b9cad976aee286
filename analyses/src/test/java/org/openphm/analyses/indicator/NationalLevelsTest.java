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
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.stats.sdc.ProtectedCell;

/**
 * England and its regions as levels of the geography (phm build-england): comparisons, margins of disclosure
 * control, and a cell with no denominator. Wilson limits (Newcombe 1998, method 3) worked by hand below.
 */
class NationalLevelsTest {
    private static final String ENGLAND = Geography.ENGLAND_CODE;
    private static final String LONDON = "Y56";
    private static final String SOUTH_WEST = "Y58";
    private static final String SOUTH_EAST = "Y59";

    private static final Geography GEOGRAPHY = Geography.of(List.of(
            new Geography.Area(LONDON, "London", AreaType.REGION, ENGLAND),
            new Geography.Area(SOUTH_WEST, "South West", AreaType.REGION, ENGLAND),
            new Geography.Area(SOUTH_EAST, "South East", AreaType.REGION, ENGLAND)));

    private static final IndicatorSpec DM = QofIndicators.all().stream()
            .filter(s -> s.id().equals("qof-prevalence-dm"))
            .findFirst()
            .orElseThrow();

    /*
     * England 1,000 of 10,000 (10%), its own comparator. London 300 of 2,000 (15%): Wilson 95%,
     * z² = 3.841459: (600 + 3.841459 ∓ 1.959964·√(3.841459 + 4·300·0.85)) / (2·2003.841459)
     *   = (603.841459 ∓ 1.959964·31.997523) / 4007.682918 = (603.841459 ∓ 62.713993) / 4007.682918
     *   -> 13.50% to 16.63%: England's 10% lies below -> Higher, against England and against its parent (England).
     * ICB QKK of London 100 of 1,000 (10%): (200 + 3.841459 ∓ 1.959964·√(3.841459 + 4·100·0.9)) / (2·1003.841459)
     *   = (203.841459 ∓ 1.959964·19.074624) / 2007.682918 -> 8.29% to 12.02%: England's 10% inside -> Similar;
     *   its parent London's 15% above -> Lower.
     */
    @Test
    void aRegionIsComparedWithEnglandAndEnglandWithNothing() {
        EnglandComparator england = EnglandComparator.empty();
        england.put(DM.id(), "2024/25", new EnglandComparator.Value(10.0, false, "England of these ICBs"));
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        put(cells, ENGLAND, AreaType.ENGLAND, 1000, 10000);
        put(cells, LONDON, AreaType.REGION, 300, 2000);
        put(cells, "QKK", AreaType.ICB, 100, 1000);
        Geography withIcb = Geography.of(List.of(
                new Geography.Area(LONDON, "London", AreaType.REGION, ENGLAND),
                new Geography.Area("QKK", "ICB QKK", AreaType.ICB, LONDON)));
        List<IndicatorRow> rows = new IndicatorCalculator(withIcb, england).rows(DM, cells);
        IndicatorRow icb = row(rows, "QKK");
        assertEquals(8.29, icb.lowerCi95(), 0.005);
        assertEquals(12.02, icb.upperCi95(), 0.005);
        assertEquals("Similar", icb.comparedToEngland());
        assertEquals("Lower", icb.comparedToParent());
        assertEquals(LONDON, icb.parentCode());
        IndicatorRow london = row(rows, LONDON);
        assertEquals(13.50, london.lowerCi95(), 0.005);
        assertEquals(16.63, london.upperCi95(), 0.005);
        assertEquals("Higher", london.comparedToEngland());
        assertEquals("Higher", london.comparedToParent());
        assertEquals(ENGLAND, london.parentCode());
        IndicatorRow whole = row(rows, ENGLAND);
        assertEquals(10.0, whole.value(), 1e-9);
        assertEquals("Not compared", whole.comparedToEngland());
        assertEquals("Not compared", whole.comparedToParent());
    }

    /**
     * England is the sum of its regions: with London's 3 suppressed, the South West's and South East's counts and
     * England's would give it back by subtraction, so a second cell of that margin is hidden too.
     */
    @Test
    void englandIsAMarginOfItsRegions() {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        put(cells, ENGLAND, AreaType.ENGLAND, 1000, 10000);
        put(cells, LONDON, AreaType.REGION, 3, 2000);
        put(cells, SOUTH_WEST, AreaType.REGION, 497, 4000);
        put(cells, SOUTH_EAST, AreaType.REGION, 500, 4000);
        Map<CellKey, ProtectedCell> p = new DisclosureStep(GEOGRAPHY, DisclosureRule.nhsDefault()).protect(cells);
        assertTrue(p.get(key(LONDON, AreaType.REGION)).countProtection().hidden());
        long hidden = List.of(
                        key(ENGLAND, AreaType.ENGLAND),
                        key(SOUTH_WEST, AreaType.REGION),
                        key(SOUTH_EAST, AreaType.REGION))
                .stream()
                .filter(k -> p.get(k).countProtection().hidden())
                .count();
        assertTrue(hidden >= 1, "London's count is the only one hidden of England's margin");
    }

    /** Events where nobody is in the denominator give no value, not a failed build. */
    @Test
    void aCellWithNoDenominatorHasNoValue() {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        put(cells, LONDON, AreaType.REGION, 2, 0);
        IndicatorRow london =
                row(new IndicatorCalculator(GEOGRAPHY, EnglandComparator.empty()).rows(DM, cells), LONDON);
        assertNull(london.value());
        assertNull(london.lowerCi95());
        assertTrue(london.note().contains("no denominator"), london.note());
    }

    private static CellKey key(String area, AreaType type) {
        return new CellKey(DM.id(), area, type, "2024/25", Breakdown.NONE, null);
    }

    private static void put(Map<CellKey, AgeBandCounts> cells, String area, AreaType type, double num, double den) {
        AgeBandCounts c = new AgeBandCounts();
        c.add(10, num, den);
        cells.put(key(area, type), c);
    }

    private static IndicatorRow row(List<IndicatorRow> rows, String area) {
        return rows.stream()
                .filter(r -> r.areaCode().equals(area))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + area + " in " + rows));
    }
}
