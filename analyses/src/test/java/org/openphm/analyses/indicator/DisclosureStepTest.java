package org.openphm.analyses.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.pack.Catalogue;
import org.openphm.model.AreaType;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Disclosure control of indicator rows (issue 15, items 1, 4 and 5): every indicator, standardised or not, with a
 * crude twin or without, is published under the cell-level decision; crude values cannot be multiplied back
 * into an exact count.
 */
class DisclosureStepTest {
    private static final String ICB = "QHG";
    private static final String LUTON = "E06000032";
    private static final String BEDFORD = "E06000055";
    private static final Geography GEOGRAPHY = Geography.of(List.of(
            new Geography.Area(ICB, "BLMK", AreaType.ICB, Geography.ENGLAND_CODE),
            new Geography.Area(LUTON, "Luton", AreaType.PLACE, ICB),
            new Geography.Area(BEDFORD, "Bedford", AreaType.PLACE, ICB)));
    private static final DisclosureRule RULE = DisclosureRule.nhsDefault();

    private static IndicatorSpec spec(String id) {
        return Catalogue.indicatorSources().stream()
                .flatMap(s -> s.indicators().stream())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Self-harm 10-24 is a DSR with no crude twin: before the fix its rows bypassed disclosure control. */
    @Test
    void aStandardisedIndicatorWithoutACrudeTwinIsControlled() {
        IndicatorSpec selfHarm = spec("self-harm-admissions-10-24-dsr");
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        // Bands 2, 3, 4 are ages 10-14, 15-19, 20-24. Luton has 3 admissions (a count to suppress), Bedford 40.
        put(cells, "self-harm-admissions-10-24", LUTON, AreaType.PLACE, new double[] {1, 1, 1}, 2_501);
        put(cells, "self-harm-admissions-10-24", BEDFORD, AreaType.PLACE, new double[] {10, 13, 17}, 3_333);
        put(cells, "self-harm-admissions-10-24", ICB, AreaType.ICB, new double[] {11, 14, 18}, 5_834);
        List<IndicatorRow> rows = new DisclosureStep(GEOGRAPHY, RULE)
                .publish(List.of(selfHarm), new IndicatorCalculator(GEOGRAPHY, EnglandComparator.empty()), cells)
                .published();
        assertEquals(3, rows.size());
        for (IndicatorRow r : rows) {
            // 3 of 43 is hidden; with only two Places, Bedford must be hidden too or 43 - 40 gives Luton back.
            if (r.areaCode().equals(ICB)) {
                assertEquals(45.0, r.count(), "43 rounded to the nearest 5");
                assertEquals(17_500.0, r.denominator(), "3 bands of 5,834 = 17,502 rounded");
            } else {
                assertNull(r.count(), r.areaName() + ": suppressed");
                assertNull(r.value(), r.areaName() + ": no value from a hidden count");
            }
            assertEquals("10-24 yrs", r.age(), "the indicator's ages, not '10+'");
        }
    }

    /**
     * A crude proportion is published as the rounded count over the rounded denominator, so value x denominator
     * gives back the published count, never the exact one. ICB 44,689 of 1,100,002: published 44,690 of
     * 1,100,000, value 4.062727...% (44,690 / 1,100,000), not 4.062629% (the exact ratio).
     */
    @Test
    void crudeValuesComeFromTheRoundedCounts() {
        IndicatorSpec asthma = spec("qof-prevalence-ast");
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        put(cells, "qof-prevalence-ast", ICB, AreaType.ICB, new double[] {44_689}, 1_100_002);
        put(cells, "qof-prevalence-ast", LUTON, AreaType.PLACE, new double[] {20_001}, 500_001);
        put(cells, "qof-prevalence-ast", BEDFORD, AreaType.PLACE, new double[] {24_688}, 600_001);
        List<IndicatorRow> rows = new DisclosureStep(GEOGRAPHY, RULE)
                .publish(List.of(asthma), new IndicatorCalculator(GEOGRAPHY, EnglandComparator.empty()), cells)
                .published();
        IndicatorRow icb =
                rows.stream().filter(r -> r.areaCode().equals(ICB)).findFirst().orElseThrow();
        assertEquals(44_690.0, icb.count());
        assertEquals(1_100_000.0, icb.denominator());
        assertEquals(100.0 * 44_690 / 1_100_000, icb.value(), 1e-12);
        for (IndicatorRow r : rows) {
            assertEquals(
                    r.count(),
                    r.value() * r.denominator() / 100,
                    1e-6,
                    r.areaName() + ": value from the published counts");
            assertTrue(r.note().contains("computed from the rounded counts"), r.note());
        }
    }

    /**
     * Each breakdown is a table of its own sharing the headline cells. Here the age bands hide Bedford's headline
     * (its 20-24 band hides Luton's 2 from the ICB's, its headline then hides that band from its other band, a
     * zero), while its sexes, 12 and 8, are all large enough to publish. Before the fix the headline was withheld
     * and both sexes published: 12 + 8 gave back the 20 it hid (found by the independent output check in an
     * England ICB's build). Now every breakdown's table is protected knowing the headlines hidden in the others:
     * no margin (a headline and one breakdown's categories) has exactly one hidden count.
     */
    @Test
    void aHeadlineHiddenInOneBreakdownIsHiddenInEvery() {
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        cell(cells, LUTON, AreaType.PLACE, Breakdown.NONE, null, 32);
        cell(cells, BEDFORD, AreaType.PLACE, Breakdown.NONE, null, 20);
        cell(cells, ICB, AreaType.ICB, Breakdown.NONE, null, 52);
        cell(cells, LUTON, AreaType.PLACE, Breakdown.AGE_BAND, "20-24", 2);
        cell(cells, LUTON, AreaType.PLACE, Breakdown.AGE_BAND, "25-29", 30);
        cell(cells, BEDFORD, AreaType.PLACE, Breakdown.AGE_BAND, "20-24", 20);
        cell(cells, BEDFORD, AreaType.PLACE, Breakdown.AGE_BAND, "25-29", 0);
        cell(cells, ICB, AreaType.ICB, Breakdown.AGE_BAND, "20-24", 22);
        cell(cells, ICB, AreaType.ICB, Breakdown.AGE_BAND, "25-29", 30);
        cell(cells, LUTON, AreaType.PLACE, Breakdown.SEX, "Female", 16);
        cell(cells, LUTON, AreaType.PLACE, Breakdown.SEX, "Male", 16);
        cell(cells, BEDFORD, AreaType.PLACE, Breakdown.SEX, "Female", 12);
        cell(cells, BEDFORD, AreaType.PLACE, Breakdown.SEX, "Male", 8);
        cell(cells, ICB, AreaType.ICB, Breakdown.SEX, "Female", 28);
        cell(cells, ICB, AreaType.ICB, Breakdown.SEX, "Male", 24);
        Map<CellKey, org.openphm.stats.sdc.ProtectedCell> protections =
                new DisclosureStep(GEOGRAPHY, RULE).protect(cells);
        assertEquals(cells.keySet(), protections.keySet());
        assertTrue(hidden(protections, BEDFORD, Breakdown.NONE, null), "the age bands hide Bedford's headline");
        for (String area : List.of(ICB, LUTON, BEDFORD)) {
            for (Breakdown b : List.of(Breakdown.AGE_BAND, Breakdown.SEX)) {
                int hiddenInMargin = hidden(protections, area, Breakdown.NONE, null) ? 1 : 0;
                for (CellKey k : protections.keySet()) {
                    if (k.areaCode().equals(area) && k.breakdown() == b) {
                        hiddenInMargin += protections.get(k).countProtection().hidden() ? 1 : 0;
                    }
                }
                assertTrue(hiddenInMargin != 1, area + " " + b + ": one hidden count is the others' difference");
            }
        }
    }

    private static boolean hidden(
            Map<CellKey, org.openphm.stats.sdc.ProtectedCell> protections,
            String area,
            Breakdown breakdown,
            String category) {
        return protections.entrySet().stream()
                .filter(e -> e.getKey().areaCode().equals(area)
                        && e.getKey().breakdown() == breakdown
                        && java.util.Objects.equals(e.getKey().category(), category))
                .findFirst()
                .orElseThrow()
                .getValue()
                .countProtection()
                .hidden();
    }

    private static void cell(
            Map<CellKey, AgeBandCounts> cells,
            String area,
            AreaType type,
            Breakdown breakdown,
            String category,
            double count) {
        AgeBandCounts c = new AgeBandCounts();
        c.add(5, count, 10_000);
        cells.put(new CellKey("an-indicator", area, type, "2024/25", breakdown, category), c);
    }

    private static void put(
            Map<CellKey, AgeBandCounts> cells,
            String id,
            String area,
            AreaType type,
            double[] counts,
            double populationPerBand) {
        AgeBandCounts c = new AgeBandCounts();
        int first = counts.length == 1 ? 10 : 2;
        for (int i = 0; i < counts.length; i++) {
            c.add(first + i, counts[i], populationPerBand);
        }
        cells.put(new CellKey(id, area, type, "2024/25", Breakdown.NONE, null), c);
    }
}
