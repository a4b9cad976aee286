package org.openphm.analyses.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * The published waterfall table: the bars of a count (admissions, bed days, referrals) are published as the
 * activity table publishes the same counts, under the pack's count rule, and still add up; beds, staff and money
 * keep their two decimals.
 */
class ImpactTablesTest {

    /**
     * The pack's count rule: NHS Digital's for sub-national counts (CCG OIS indicator 2.6 specification v1.15,
     * Dec 2018: "Numerator and denominator values of 1 to 7 are suppressed ... numerators are rounded to the
     * nearest 5"; row NHSD_CCG_OIS of
     * stats/src/test/resources/sdc/disclosure_control_rules.csv).
     */
    static final DisclosureRule RULE = DisclosureRule.nhsDefault();
    /** Its rounding base, which every published count is a multiple of. */
    static final int BASE = RULE.roundTo();

    /**
     * {@link ImpactModelTest#oneCell()}'s Place P1, and a second Place P2 with 5 emergency admissions in the
     * baseline year (2 ACSC, 3 other), 30 bed days and 40 community referrals: its admissions are a count the rule
     * suppresses, so its admissions waterfall must be withheld.
     */
    static ImpactBaseline twoPlaces() {
        ImpactBaseline one = ImpactModelTest.oneCell();
        double[] q = new double[Quantity.values().length];
        ImpactModelTest.set(q, Quantity.POPULATION, 200);
        ImpactModelTest.set(q, Quantity.ACSC_SPELLS, 2);
        ImpactModelTest.set(q, Quantity.ACSC_BED_DAYS, 20);
        ImpactModelTest.set(q, Quantity.ACSC_BED_DAYS_65, 20);
        ImpactModelTest.set(q, Quantity.ACSC_COST, 4_000);
        ImpactModelTest.set(q, Quantity.OTHER_SPELLS, 3);
        ImpactModelTest.set(q, Quantity.OTHER_BED_DAYS, 10);
        ImpactModelTest.set(q, Quantity.OTHER_BED_DAYS_65, 10);
        ImpactModelTest.set(q, Quantity.OTHER_COST, 6_000);
        ImpactModelTest.set(q, Quantity.COMMUNITY_REFERRALS_18_PLUS, 40);
        List<ImpactBaseline.Cell> cells = new ArrayList<>(one.cells());
        cells.add(new ImpactBaseline.Cell("P2", "M", "70-74", "2", "White", q));
        Map<String, double[]> growth = new LinkedHashMap<>(one.growth());
        growth.put("P2|M|70-74", new double[] {1.0, 1.07, 1.13, 1.21});
        return new ImpactBaseline(
                one.baseline(),
                one.lastYear(),
                one.icbCode(),
                one.icbName(),
                Map.of("P1", "Place one", "P2", "Place two"),
                cells,
                growth,
                one.staff(),
                one.communitySpendGbp(),
                one.mentalHealthSpendGbp());
    }

    static AnalysisTable waterfall() throws Exception {
        ImpactResult r = ImpactModel.run(twoPlaces(), ImpactModelTest.scenario(ImpactModelTest.MITIGATED));
        AnalysisTable t = ImpactTables.all(r, RULE).stream()
                .filter(x -> x.name().equals("waterfall"))
                .findFirst()
                .orElseThrow();
        // the file is written as built: the table declares no count column for the build's rule to change
        assertSame(t, TableDisclosure.apply(t, RULE));
        return t;
    }

    /**
     * Every value a count outcome ({@link Outcome#count()}) has in the published waterfall table, the baseline,
     * each factor's change and the total, is blank or a whole multiple of the rule's base; a published baseline or
     * total is never a count the rule suppresses; the published bars add up to the published total. Before, the
     * table gave the bars to two decimals: the baseline year's exact admissions, bed days and referrals of the
     * ICB and every Place (here P1's hospital to community shift, -6.5 admissions).
     */
    @Test
    void everyCountInThePublishedWaterfallIsAMultipleOfTheRulesBase() throws Exception {
        AnalysisTable t = waterfall();
        int outcome = t.columnIndex("outcome_id");
        int change = t.columnIndex("change");
        int kind = t.columnIndex("kind");
        int order = t.columnIndex("step_order");
        Set<String> countOutcomes = new TreeSet<>();
        int published = 0;
        for (List<List<Object>> bars : byWaterfall(t).values()) {
            Outcome o = Outcome.valueOf(((String) bars.get(0).get(outcome)).toUpperCase(java.util.Locale.ROOT));
            if (!o.count()) {
                continue;
            }
            countOutcomes.add(o.id());
            double running = 0;
            for (List<Object> row : bars) {
                Object v = row.get(change);
                if (v == null) {
                    continue;
                }
                double d = ((Number) v).doubleValue();
                String where = row.toString();
                assertEquals(Math.rint(d), d, where + ": not whole");
                assertEquals(0, (long) d % BASE, where + ": not a multiple of " + BASE);
                boolean total = row.get(kind).equals("total");
                if (total) {
                    assertFalse(RULE.suppresses((long) d), where + ": a count the rule suppresses");
                    if (((Number) row.get(order)).intValue() > 0) {
                        assertEquals(running, d, where + ": the published bars do not add up to the total");
                    }
                }
                running = total ? d : running + d;
                published++;
            }
        }
        assertEquals(Set.of("bed_days", "community_referrals", "emergency_admissions"), countOutcomes);
        assertTrue(published > 50, "count values checked: " + published);
    }

    /**
     * P1's emergency admissions by hand ({@link ImpactModelTest#theWaterfallSplitsTheChangeIntoItsFactorsAndAddsUp}:
     * 150, +45, -26 ACSC, -6.5 shifted, 162.5): each bar rounded to 5 (-6.5 is -6 whole, so -5), the total their
     * sum, 165, which is also 162.5 to the nearest 5. P2's 5 admissions are suppressed: so is its every bar.
     */
    @Test
    void aPlacesBarsAreRoundedByHandAndASuppressedBaselineWithholdsThemAll() throws Exception {
        Map<List<String>, List<List<Object>>> w = byWaterfall(waterfall());
        Map<String, Object> p1 = bars(w.get(List.of("P1", "emergency_admissions", "2027/28")));
        assertEquals(150.0, p1.get("2024/25 baseline"));
        assertEquals(45.0, p1.get("Demographic growth (principal projection)"));
        assertEquals(-25.0, p1.get("ACSC admission avoidance"));
        assertEquals(-5.0, p1.get("Hospital to community shift"));
        assertEquals(0.0, p1.get("Length of stay"));
        assertEquals(165.0, p1.get("2027/28 scenario"));
        List<List<Object>> p2 = w.get(List.of("P2", "emergency_admissions", "2027/28"));
        assertEquals(ImpactModel.STEPS.size() + 2, p2.size());
        p2.forEach(row -> assertNull(row.get(row.size() - 1), row.toString()));
        // its community referrals (40) are not suppressed: published, rounded
        assertEquals(
                40.0,
                bars(w.get(List.of("P2", "community_referrals", "2027/28"))).get("2024/25 baseline"));
    }

    /** Beds, staff and money are no counts: to two decimals as before, the total the sum of the rounded bars. */
    @Test
    void otherOutcomesKeepTwoDecimals() throws Exception {
        ImpactResult r = ImpactModel.run(twoPlaces(), ImpactModelTest.scenario(ImpactModelTest.MITIGATED));
        Map<List<String>, List<List<Object>>> w = byWaterfall(waterfall());
        for (Outcome o : ImpactTables.WATERFALL) {
            if (o.count()) {
                continue;
            }
            List<Object> values = w.get(List.of("ICB1", o.id(), "2027/28")).stream()
                    .map(row -> row.get(row.size() - 1))
                    .toList();
            assertEquals(
                    r.roundedWaterfall(r.icb(), 0, o, 2).stream()
                            .map(s -> (Object) s.value())
                            .toList(),
                    values,
                    o.id());
        }
        // a bed is not rounded to 5: P1's 2.5 beds or so are published to the hundredth
        Object beds = bars(w.get(List.of("P1", "beds", "2027/28"))).get("2027/28 scenario");
        assertTrue(((Double) beds) % BASE != 0, "beds " + beds);
    }

    /** The table's rows by area code, outcome and year, each in step order. */
    static Map<List<String>, List<List<Object>>> byWaterfall(AnalysisTable t) {
        int area = t.columnIndex("area_code");
        int outcome = t.columnIndex("outcome_id");
        int year = t.columnIndex("year");
        Map<List<String>, List<List<Object>>> out = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            out.computeIfAbsent(
                            Arrays.asList((String) row.get(area), (String) row.get(outcome), (String) row.get(year)),
                            k -> new ArrayList<>())
                    .add(row);
        }
        int order = t.columnIndex("step_order");
        out.values().forEach(rows -> rows.sort(java.util.Comparator.comparing(r -> (Integer) r.get(order))));
        return out;
    }

    /** A waterfall's values by step label. */
    static Map<String, Object> bars(List<List<Object>> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        rows.forEach(row -> out.put((String) row.get(7), row.get(row.size() - 1)));
        return out;
    }
}
