package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.Area;
import org.openphm.publish.results.ResultsDir;

/**
 * The area views computed from the fixture, against values worked by hand from the fixture's counts (see
 * FixtureResults and DashboardFixture: each value is the rounded count over the denominator).
 */
class ProfileViewsTest {
    @TempDir
    static Path dir;

    static ResultsDir results;
    static Views views;
    static ProfileViews profiles;

    @BeforeAll
    static void load() throws Exception {
        FixtureResults.write(dir);
        DashboardFixture.augment(dir);
        results = ResultsDir.load(dir);
        views = new Views(results);
        profiles = new ProfileViews(results, views, null);
    }

    private static Area area(String code) {
        return results.area(code).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> profile, String id) {
        return ((List<Map<String, Object>>) profile.get("rows"))
                .stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] v = {6.8, 7.8, 8.4, 9.4};
        assertEquals(7.55, ProfileViews.quantile(v, 0.25), 1e-9);
        assertEquals(8.65, ProfileViews.quantile(v, 0.75), 1e-9);
        assertEquals(6.8, ProfileViews.quantile(v, 0), 1e-9);
        assertEquals(9.4, ProfileViews.quantile(v, 1), 1e-9);
    }

    /**
     * Diabetes 2024/25, Places: Bedford 12,852/153,000 = 8.40, Central Beds 18,034/265,200 = 6.80, Luton
     * 18,217/193,800 = 9.40, Milton Keynes 19,094/244,800 = 7.80. No polarity: lowest left.
     */
    @Test
    void spineRowOfAPlaceWithoutPolarity() {
        Map<String, Object> p = profiles.profile(area(FixtureResults.BEDFORD));
        Map<String, Object> r = row(p, "qof-diabetes");
        assertEquals("2024/25", r.get("period"));
        assertEquals(8.4, d(r.get("value")), 1e-9);
        assertEquals(12852, d(r.get("count")), 1e-9);
        assertEquals(7.9, d(r.get("england")), 1e-9);
        assertEquals("Place", r.get("range_type"));
        assertEquals(4, r.get("areas_of_type"));
        assertEquals(6.8, d(r.get("min")), 1e-9);
        assertEquals(7.55, d(r.get("q25")), 1e-9);
        assertEquals(8.65, d(r.get("q75")), 1e-9);
        assertEquals(9.4, d(r.get("max")), 1e-9);
        assertEquals(6.8, d(r.get("left")), 1e-9);
        assertEquals(9.4, d(r.get("right")), 1e-9);
        // Bedford's 95% interval (8.26-8.54) lies above England's 7.9
        assertEquals("Higher", r.get("significance"));
        assertEquals("England", r.get("compared_with"));
        assertEquals("#1f4e9c", r.get("colour"));
    }

    /**
     * CYP mental health admissions (low is good), 2023/24: Bedford 49/42,000 = 116.67 per 100,000, Central
     * Beds 104/64,000 = 162.50, Luton 61/62,000 = 98.39, Milton Keynes 75/72,000 = 104.17. Worst (highest)
     * is drawn on the left.
     */
    @Test
    void spineRowWithLowIsGoodPutsTheWorstOnTheLeft() {
        Map<String, Object> r = row(profiles.profile(area(FixtureResults.LUTON)), "cyp-mh-admissions");
        assertEquals("low", r.get("polarity"));
        assertEquals(98.39, d(r.get("value")), 1e-9);
        assertEquals(162.5, d(r.get("left")), 1e-9);
        assertEquals(98.39, d(r.get("right")), 1e-9);
        assertEquals(98.39 + 0.75 * (104.17 - 98.39), d(r.get("q25")), 1e-9);
        assertEquals(116.67 + 0.25 * (162.5 - 116.67), d(r.get("q75")), 1e-9);
        assertEquals(80.0, d(r.get("england")), 1e-9);
    }

    @Test
    void theOnlyIcbIsProfiledAgainstTheRangeOfItsPlacesAndSuppressionStaysEmpty() {
        Map<String, Object> p = profiles.profile(area(FixtureResults.ICB));
        assertEquals("Place", p.get("range_type"));
        // Luton North's hypertension is suppressed in 2023/24 only; its 2024/25 value is 11.5
        Map<String, Object> ln = row(profiles.profile(area(FixtureResults.LUTON_NORTH)), "qof-hypertension");
        assertEquals(11.5, d(ln.get("value")), 1e-9);
        // no row for the neighbourhood in the DSR copy's CYP indicator: shown as suppressed, never zero
        Map<String, Object> cyp = row(profiles.profile(area(FixtureResults.LUTON_NORTH)), "cyp-mh-admissions");
        assertNull(cyp.get("value"));
        assertEquals(true, cyp.get("suppressed"));
    }

    /**
     * The ICB's latest published comparisons with England: diabetes 8.0% against 7.9% (higher), hypertension
     * 13.4% against 15.0% (lower), CYP admissions 123.2 against 80 per 100,000 (worse); the age-standardised
     * copy has no England comparison and is not counted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void overviewCountsOnlyPublishedEnglandComparisons() {
        Map<String, Object> o = profiles.overview(area(FixtureResults.ICB));
        Map<String, List<Map<String, Object>>> vs = (Map<String, List<Map<String, Object>>>) o.get("vs_england");
        assertEquals(
                List.of("cyp-mh-admissions"),
                vs.get("Worse").stream().map(i -> i.get("id")).toList());
        assertEquals(
                List.of("qof-diabetes"),
                vs.get("Higher").stream().map(i -> i.get("id")).toList());
        assertEquals(
                List.of("qof-hypertension"),
                vs.get("Lower").stream().map(i -> i.get("id")).toList());
        assertTrue(vs.get("Better").isEmpty());
        assertEquals(4, o.get("indicators"));
        List<String> glance = (List<String>) o.get("glance");
        assertTrue(glance.get(0).contains("3 can be compared with England"), glance.toString());
        List<Map<String, Object>> children = (List<Map<String, Object>>) o.get("children");
        assertEquals(4, children.size(), "the four Places");
    }

    /**
     * Six practices of 5,000: pooled 2,520 / 30,000 = 8.4%. The practice with 520 (10.4%) is 5.1 standard errors
     * above it, outside the 99.8% limits; 7.8-8.2% are within 1.6 standard errors, inside the 95% limits.
     */
    @Test
    @SuppressWarnings("unchecked")
    void funnelOfPracticesAroundTheirPooledValue() {
        Map<String, Object> f = profiles.funnel(
                results.indicatorInfo("qof-diabetes").orElseThrow(), area(FixtureResults.ICB), "Practice");
        assertNull(f.get("error"));
        assertEquals(8.4, d(f.get("baseline")), 1e-9);
        List<Map<String, Object>> points = (List<Map<String, Object>>) f.get("points");
        assertEquals(6, points.size());
        assertEquals(
                List.of(false, false, false, false, false, true),
                points.stream().map(p -> p.get("outside998")).toList());
        assertEquals(
                List.of(false, false, false, false, false, true),
                points.stream().map(p -> p.get("outside95")).toList());
        assertEquals("High (0.001)", points.get(5).get("significance"));
        Map<String, List<List<Double>>> limits = (Map<String, List<List<Double>>>) f.get("limits");
        // at n = 5,000 the 95% limits are about 8.4 ± 1.96 × 0.39
        List<Double> near = limits.get("upper95").stream()
                .min((a, b) -> Double.compare(Math.abs(a.get(0) - 5000), Math.abs(b.get(0) - 5000)))
                .orElseThrow();
        assertTrue(Math.abs(near.get(0) - 5000) < 500, near.toString());
        assertEquals(8.4 + 1.96 * 0.3923, near.get(1), 0.1);
        // no funnel for an age-standardised rate
        assertTrue(profiles.funnel(
                        results.indicatorInfo(DashboardFixture.DSR).orElseThrow(), area(FixtureResults.ICB), "Place")
                .get("error")
                .toString()
                .contains("No funnel plot"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMapWithNoAreaToDrawIsEmptyAndSaysWhichAreasWereNotDrawn() {
        // CYP admissions are published for the Places, not for Luton North's PCN and practices: nothing to draw
        Map<String, Object> m = profiles.map(
                results.indicatorInfo("cyp-mh-admissions").orElseThrow(), area(FixtureResults.LUTON_NORTH));
        Map<String, Object> option = (Map<String, Object>) m.get("option");
        List<Object> data = (List<Object>)
                ((List<Map<String, Object>>) option.get("series")).get(0).get("data");
        assertTrue(data.isEmpty(), data.toString());
        assertEquals(
                6,
                ((List<String>) m.get("not_drawn")).size(),
                m.get("not_drawn").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schematicMapNestsAreasSizedByDenominatorAndBandsTheirValues() {
        Map<String, Object> m =
                profiles.map(results.indicatorInfo("qof-diabetes").orElseThrow(), area(FixtureResults.ICB));
        Map<String, Object> option = (Map<String, Object>) m.get("option");
        assertTrue(((Map<String, Object>) option.get("title"))
                .get("subtext")
                .toString()
                .contains("not a geographic map"));
        List<Map<String, Object>> places = (List<Map<String, Object>>)
                ((List<Map<String, Object>>) option.get("series")).get(0).get("data");
        assertEquals(
                List.of("Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"),
                places.stream().map(p -> p.get("name")).toList());
        Map<String, Object> bedford = places.get(0);
        assertEquals(153000.0, d(bedford.get("value")), 1e-9);
        // Luton -> Luton North -> PCN -> six practices of 5,000
        Map<String, Object> pcn = ((List<Map<String, Object>>)
                        ((List<Map<String, Object>>) places.get(2).get("children"))
                                .get(0)
                                .get("children"))
                .get(0);
        List<Map<String, Object>> practices = (List<Map<String, Object>>) pcn.get("children");
        assertEquals(6, practices.size());
        assertEquals(5000.0, d(practices.get(0).get("value")), 1e-9);
        // nine leaves banded in fifths: Central Bedfordshire (6.8%, lowest) palest, practice 6 (10.4%) darkest
        assertEquals(ProfileViews.BANDS[0], ((Map<String, Object>) places.get(1).get("itemStyle")).get("color"));
        assertEquals(
                ProfileViews.BANDS[4], ((Map<String, Object>) practices.get(5).get("itemStyle")).get("color"));
        assertEquals(5, ((List<?>) m.get("legend")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareDrawsTheChosenAreasWithTheirIntervals() {
        Map<String, Object> c = profiles.compare(
                results.indicatorInfo("qof-diabetes").orElseThrow(),
                List.of(area(FixtureResults.LUTON), area(FixtureResults.BEDFORD)));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) c.get("rows");
        assertEquals(
                List.of("Luton", "Bedford"),
                rows.stream().map(r -> r.get("name")).toList());
        assertEquals(9.4, d(rows.get(0).get("value")), 1e-9);
        Map<String, Object> option = (Map<String, Object>) c.get("option");
        assertEquals(List.of("Bedford", "Luton"), ((Map<String, Object>) option.get("xAxis")).get("data"));
        assertTrue(((Map<String, Object>) option.get("title"))
                .get("subtext")
                .toString()
                .contains("compared with England"));
    }

    /** README: England is compared only where it has a published value; the DSR copy has none. */
    @Test
    @SuppressWarnings("unchecked")
    void chartsSayWhatTheirColoursCompare() {
        Views.View crude =
                views.indicator(results.indicatorInfo("qof-diabetes").orElseThrow(), area(FixtureResults.ICB), "none");
        Map<String, Object> title =
                (Map<String, Object>) crude.charts().get(0).option().get("title");
        assertEquals("Compared with England (95% confidence intervals)", title.get("subtext"));
        Views.View dsr = views.indicator(
                results.indicatorInfo(DashboardFixture.DSR).orElseThrow(), area(FixtureResults.ICB), "none");
        Map<String, Object> option = dsr.charts().get(0).option();
        String sub = ((Map<String, Object>) option.get("title")).get("subtext").toString();
        assertTrue(sub.startsWith("Not compared with England: no published England value"), sub);
        assertFalse(sub.contains("Compared with England"), sub);
        List<Map<String, Object>> legend =
                (List<Map<String, Object>>) ((Map<String, Object>) option.get("legend")).get("data");
        assertTrue(
                legend.stream()
                        .map(l -> l.get("name").toString())
                        .allMatch(n -> n.contains("Bedfordshire, Luton and Milton Keynes")),
                legend.toString());
    }

    /**
     * Luton beside its neighbourhood (DSR copy, no England comparison): Luton is compared with the ICB, Luton
     * North with Luton, so the legend and key points speak of "its parent area", not of the ICB.
     */
    @Test
    @SuppressWarnings("unchecked")
    void barsWithDifferentParentsSayItsParentArea() {
        Views.View dsr = views.indicator(
                results.indicatorInfo(DashboardFixture.DSR).orElseThrow(), area(FixtureResults.LUTON), "none");
        Views.ViewChart c = dsr.charts().get(0);
        List<Map<String, Object>> legend =
                (List<Map<String, Object>>) ((Map<String, Object>) c.option().get("legend")).get("data");
        assertTrue(
                legend.stream()
                        .allMatch(l -> l.get("name").toString().endsWith("its parent area")
                                || l.get("name").toString().equals("Not compared")),
                legend.toString());
        assertTrue(
                c.keyPoints().stream().noneMatch(k -> k.contains("Bedfordshire")),
                c.keyPoints().toString());
        assertTrue(
                c.keyPoints().stream().anyMatch(k -> k.contains("its parent area")),
                c.keyPoints().toString());
    }
}
