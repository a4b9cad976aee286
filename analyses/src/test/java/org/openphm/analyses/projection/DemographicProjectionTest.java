package org.openphm.analyses.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openphm.model.FinancialYear;

/**
 * The DP 1.3 projection arithmetic on a hand-made feed. The feed covers one LA (Luton, E06000032) in 2025 and
 * 2035 with bands 0-4 and 85+ (coarser than the registered 85-89 and 90+, as local projections often are):
 *
 * <pre>
 *            2025  2035  growth
 *   F 0-4     100   110  1.1
 *   M 0-4     200   180  0.9
 *   F 85+      50   100  2.0
 *   M 85+      50    75  1.5
 * </pre>
 */
class DemographicProjectionTest {

    static final String LUTON = "E06000032";
    static final String MK = "E06000042";

    static PopulationGrowth growth() {
        return PopulationGrowth.of(
                List.of(
                        new PopulationGrowth.Row(LUTON, 2025, "F", "0-4", 100),
                                new PopulationGrowth.Row(LUTON, 2035, "F", "0-4", 110),
                        new PopulationGrowth.Row(LUTON, 2025, "M", "0-4", 200),
                                new PopulationGrowth.Row(LUTON, 2035, "M", "0-4", 180),
                        new PopulationGrowth.Row(LUTON, 2025, "F", "85+", 50),
                                new PopulationGrowth.Row(LUTON, 2035, "F", "85+", 100),
                        new PopulationGrowth.Row(LUTON, 2025, "M", "85+", 50),
                                new PopulationGrowth.Row(LUTON, 2035, "M", "85+", 75)),
                2025);
    }

    static final Map<ProjectionCell, Double> BASE = Map.of(
            new ProjectionCell(LUTON, "F", "0-4"), 10.0,
            new ProjectionCell(LUTON, "M", "0-4"), 20.0,
            new ProjectionCell(LUTON, "U", "0-4"), 3.0,
            new ProjectionCell(LUTON, "F", "85-89"), 4.0,
            new ProjectionCell(LUTON, "F", "90+"), 2.0,
            new ProjectionCell(MK, "F", "0-4"), 5.0);

    @Test
    void eachCellGrowsWithItsLaSexAndBandThenCellsAreSummed() {
        DemographicProjection p = DemographicProjection.of(BASE, growth());
        Map<ProjectionCell, Double> y2035 = p.population(2035);
        assertEquals(11.0, y2035.get(new ProjectionCell(LUTON, "F", "0-4")), 1e-9); // 10 x 1.1
        assertEquals(18.0, y2035.get(new ProjectionCell(LUTON, "M", "0-4")), 1e-9); // 20 x 0.9
        // sex not stated grows with both sexes: 3 x (110 + 180) / (100 + 200) = 2.9
        assertEquals(2.9, y2035.get(new ProjectionCell(LUTON, "U", "0-4")), 1e-9);
        // 85-89 and 90+ both lie in the feed's 85+: 4 x 2 = 8, 2 x 2 = 4
        assertEquals(8.0, y2035.get(new ProjectionCell(LUTON, "F", "85-89")), 1e-9);
        assertEquals(4.0, y2035.get(new ProjectionCell(LUTON, "F", "90+")), 1e-9);
        // MK is not in the feed: the growth of all the feed's areas (here Luton's F 0-4, 1.1): 5 x 1.1 = 5.5
        assertEquals(5.5, y2035.get(new ProjectionCell(MK, "F", "0-4")), 1e-9);
        assertEquals(Set.of(MK), p.growth().uncoveredPlaces());
        // 11 + 18 + 2.9 + 8 + 4 + 5.5
        assertEquals(49.4, DemographicProjection.total(y2035), 1e-9);
        assertEquals(44.0, DemographicProjection.total(p.population(2025)), 1e-9);
        assertEquals(
                Map.of(LUTON, 43.9, MK, 5.5), round(DemographicProjection.total(y2035, ProjectionCell::placeCode)));
    }

    @Test
    void eventsAreProjectedAsCellRatesTimesProjectedPopulation() {
        DemographicProjection p = DemographicProjection.of(BASE, growth());
        // 1 death among 4 women of 85-89 (rate 0.25) and 3 births-like events among 10 girls of 0-4 (0.3);
        // 2 events in a cell with nobody in it cannot be rated.
        Map<ProjectionCell, Double> events = Map.of(
                new ProjectionCell(LUTON, "F", "85-89"),
                1.0,
                new ProjectionCell(LUTON, "F", "0-4"),
                3.0,
                new ProjectionCell(MK, "M", "0-4"),
                2.0);
        Map<ProjectionCell, Double> rates = DemographicProjection.rates(events, p.basePopulation());
        assertEquals(2, rates.size());
        assertEquals(2.0, DemographicProjection.unratedEvents(events, p.basePopulation()), 1e-9);
        Map<ProjectionCell, Double> expected = p.expected(rates, 2035);
        assertEquals(2.0, expected.get(new ProjectionCell(LUTON, "F", "85-89")), 1e-9); // 0.25 x 8
        assertEquals(3.3, expected.get(new ProjectionCell(LUTON, "F", "0-4")), 1e-9); // 0.3 x 11
    }

    @Test
    void financialYearsMapToTheYearTheyEndIn() {
        assertEquals(2025, DemographicProjection.yearOf(FinancialYear.parse("2024/25")));
        assertEquals(2043, DemographicProjection.yearOf(FinancialYear.parse("2042/43")));
    }

    @Test
    void aYearOutsideTheFeedIsRefusedByName() {
        DemographicProjection p = DemographicProjection.of(BASE, growth());
        var e = assertThrows(IllegalArgumentException.class, () -> p.population(2040));
        assertEquals("the population projection has no year 2040; it covers [2025, 2035]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PopulationGrowth.of(List.of(), 2025));
    }

    private static Map<String, Double> round(Map<String, Double> m) {
        Map<String, Double> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, Math.round(v * 1e6) / 1e6));
        return out;
    }
}
