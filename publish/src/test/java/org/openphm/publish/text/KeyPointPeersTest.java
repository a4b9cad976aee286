package org.openphm.publish.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.results.ResultsDir;

/**
 * The faults a tester found in the full-size pack's key points, each on a small hand-made table drawn the way
 * its analysis declares it: the sentence must compare only peers, name what a figure belongs to, and fit the
 * kind of chart.
 */
class KeyPointPeersTest {
    @TempDir
    Path dir;

    private Path results;
    private final KeyPointWriter writer = new KeyPointWriter();

    @BeforeEach
    void emptyResults() throws IOException {
        results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("metadata.json"), "{}");
    }

    private List<String> keyPoints(
            String kind, String csv, Map<String, String> filter, Map<String, String> encoding, String unit)
            throws IOException {
        Files.writeString(results.resolve("t.csv"), csv);
        ChartSpec spec =
                new ChartSpec(kind, "t", null, ChartSpec.DataRef.ofTable("t.csv", filter), encoding, null, null, unit);
        return writer.write(new ChartResolver(ResultsDir.load(dir)).resolve(spec));
    }

    @Test
    void aDataQualityMatrixIsNotReadAsComorbidity() throws IOException {
        // DP 9: providers by check; "100.0% of people with RNQ also have provider_site" read it as multimorbidity.
        List<String> points =
                keyPoints("heatmap", """
                provider,check,failing_pct
                RNQ,provider_site,100
                RNQ,discharge_date,2
                RWK,provider_site,10
                RWK,discharge_date,0
                """, Map.of(), Map.of("x", "check", "y", "provider", "value", "failing_pct"), "%");
        assertEquals(List.of("Highest: RNQ \u2013 provider_site (100.0%)."), points);
    }

    @Test
    void aComorbidityMatrixSaysWhoAlsoHasWhat() throws IOException {
        List<String> points = keyPoints(
                "comorbidity", """
                row_name,column_name,percent
                Heart failure,Heart failure,100
                Heart failure,Hypertension,79.8
                Hypertension,Heart failure,4.1
                Hypertension,Hypertension,100
                """, Map.of(), Map.of("x", "column_name", "y", "row_name", "value", "percent"), "%");
        assertEquals(List.of("Highest: 79.8% of people with Heart failure also have Hypertension."), points);
    }

    @Test
    void spendByProviderWithinCategoryIsNamedByProviderAndCategory() throws IOException {
        // DP 11.1: a provider's spend in one category, labelled by provider; the guessed label was the category,
        // so "Highest spend: mental health (£124,540,784)" passed one provider's figure off as the category's.
        List<String> points =
                keyPoints("ranked_table", """
                year,category,provider,spend_gbp
                2024/25,community,RV3,90000000
                2024/25,community,RWK,80000000
                2024/25,mental health,RWK,124540784
                2024/25,mental health,RV3,30000000
                """, Map.of(), Map.of("y", "spend_gbp", "label", "provider"), "\u00a3");
        assertEquals(List.of("Highest spend: RWK, mental health (\u00a3124,540,784)."), points);
    }

    @Test
    void theAllStaffGroupTotalIsNotTheHighestHeadcount() throws IOException {
        // DP 12.x: organisation "All" sums the providers' rows of the same unit.
        List<String> points = keyPoints(
                "ranked_table",
                """
                organisation,characteristic,value,headcount
                All,org_unit,Adult community,845
                RWK,org_unit,Adult community,600
                RV3,org_unit,Adult community,245
                RWK,org_unit,CAMHS,120
                """,
                Map.of("characteristic", "org_unit"),
                Map.of("y", "headcount", "label", "value"),
                "");
        assertEquals(List.of("Highest headcount: Adult community, RWK (600)."), points);
    }

    @Test
    void barsWhoseLabelDoesNotNameThemAreNotRanked() throws IOException {
        // DP 12.6: every Place's row is labelled "Registered population", so the label names no bar.
        List<String> points =
                keyPoints("bar_ci", """
                population,area_code,group,share_pct
                Workforce,All,BME,30.0
                Registered population,E06000032,BME,55.6
                Registered population,E06000042,BME,28.4
                Registered population,E06000056,BME,13.4
                """, Map.of("group", "BME"), Map.of("x", "population", "y", "share_pct"), "%");
        assertFalse(points.stream().anyMatch(p -> p.contains("Registered population (")), points::toString);
        assertFalse(points.stream().anyMatch(p -> p.startsWith("Highest")), points::toString);
    }

    @Test
    void theIcbIsNotTheAreaWithTheLargestRise() throws IOException {
        // DP 2.2/4.5: the ICB's rise is the sum of its Places' rises.
        List<String> points = keyPoints(
                "projection", """
                area_type,area_code,area_name,parent_code,year,population
                ICB,QHG,BLMK ICB,E92000001,2025,1000
                ICB,QHG,BLMK ICB,E92000001,2043,1300
                Place,E06000032,Luton,QHG,2025,300
                Place,E06000032,Luton,QHG,2043,390
                Place,E06000042,Milton Keynes,QHG,2025,700
                Place,E06000042,Milton Keynes,QHG,2043,910
                """, Map.of(), Map.of("x", "year", "y", "population", "series", "area_name"), "");
        assertEquals("BLMK ICB: 1,000 in 2025 to 1,300 in 2043 (+30% by 2043).", points.get(0), points::toString);
        assertEquals(
                "Largest absolute rise: Milton Keynes (+210 by 2043).",
                points.get(points.size() - 1),
                points::toString);
        assertFalse(points.stream().anyMatch(p -> p.startsWith("Largest") && p.contains("ICB")), points::toString);
    }

    @Test
    void aTotalLineIsNotRankedWithItsParts() throws IOException {
        // DP 12.3 turnover: the "All" line is every organisation together (here with leavers of its own, as
        // when a trust-wide bank is counted only in the total).
        List<String> points = keyPoints(
                "trend", """
                organisation,year,turnover_pct
                All,2023/24,12.0
                All,2024/25,12.0
                RWK,2023/24,11.0
                RWK,2024/25,10.0
                RV3,2023/24,7.0
                RV3,2024/25,6.0
                """, Map.of(), Map.of("x", "year", "y", "turnover_pct", "series", "organisation"), "%");
        assertEquals(
                "In 2024/25, highest: RWK (10.0%); lowest: RV3 (6.0%).",
                points.get(points.size() - 1), points::toString);
    }

    @Test
    void aParentAreaIsNotRankedAmongItsChildren() throws IOException {
        // The dashboard cuts a chart to Luton with its neighbourhoods: Luton is their whole, not a rival (its rate
        // may lie outside theirs where a neighbourhood's is suppressed).
        List<String> points = keyPoints("bar_ci", """
                area_type,area_code,area_name,parent_code,value
                Place,E06000032,Luton,QHG,30.0
                Neighbourhood,N1,Luton North,E06000032,25.0
                Neighbourhood,N2,Luton South,E06000032,15.0
                """, Map.of(), Map.of("x", "area_name", "y", "value"), "%");
        assertEquals(List.of("Highest: Luton North (25.0%); lowest: Luton South (15.0%)."), points);
    }

    @Test
    void valuesThatPrintAlikeAreNeitherHighestNorLowest() throws IOException {
        // Rates of 0.01 and 0.04 print as 0.0: "highest: Luton (0.0); lowest: Luton (0.0)".
        List<String> points = keyPoints("bar_ci", """
                area_name,value
                Luton,0.04
                Bedford,0.01
                """, Map.of(), Map.of("x", "area_name", "y", "value"), "per 100,000");
        assertEquals(List.of(), points);
    }

    @Test
    void oneRowBesideItsTotalHasNoHighest() throws IOException {
        // "Highest" over a single team says nothing; the total beside it is not a second team.
        List<String> points =
                keyPoints("ranked_table", """
                service,waiting_18w_plus
                All teams,40
                Podiatry,40
                Twilight,
                """, Map.of(), Map.of("y", "waiting_18w_plus", "label", "service"), "");
        assertEquals(List.of(), points);
    }

    @Test
    void aPerformanceTrendReadsAchievementAgainstItsBenchmarksWithoutRankingThem() throws IOException {
        // DP 7.x: "In 2025-06, highest: Regional (88.3%); lowest: Achievement (62.1%)" ranked a threshold and the
        // regional and national values as if they were organisations.
        List<String> points = keyPoints(
                "trend",
                """
                month,measure,value
                2025-05,Achievement,70.0
                2025-05,Threshold,80.0
                2025-05,Regional,85.0
                2025-05,National,75.0
                2025-06,Achievement,62.1
                2025-06,Threshold,80.0
                2025-06,Regional,88.3
                2025-06,National,74.8
                """,
                Map.of(),
                Map.of("x", "month", "y", "value", "series", "measure", "focus", "Achievement"),
                "%");
        assertFalse(points.stream().anyMatch(p -> p.contains("highest:")), points::toString);
        assertFalse(
                points.stream().anyMatch(p -> p.startsWith("Threshold") || p.startsWith("Regional")), points::toString);
        assertEquals(
                "In 2025-06, achievement 62.1% against threshold 80.0%, regional 88.3% and national 74.8%.",
                points.get(points.size() - 1));
    }

    @Test
    void nestedAgeGroupsAreDescribedNotRanked() throws IOException {
        // DP 2.2: "Largest relative rise: 80+; largest absolute rise: 65+" ranked a group against one it is part of.
        List<String> nested = keyPoints(
                "projection", """
                year,age_group,population
                2025,0-19,280000
                2043,0-19,290000
                2025,65+,170000
                2043,65+,260000
                2025,80+,40000
                2043,80+,78000
                """, Map.of(), Map.of("x", "year", "y", "population", "series", "age_group"), "people");
        assertFalse(nested.stream().anyMatch(p -> p.startsWith("Largest")), nested::toString);
        assertEquals(3, nested.size(), nested::toString);
        // groups that partition the ages may be ranked
        List<String> partition = keyPoints(
                "projection",
                """
                year,age_group,population
                2025,0-19,280000
                2043,0-19,290000
                2025,20-64,600000
                2043,20-64,640000
                2025,65+,170000
                2043,65+,260000
                2025,30-39,1
                """.replace("2025,30-39,1\n", ""),
                Map.of(),
                Map.of("x", "year", "y", "population", "series", "age_group"),
                "people");
        assertEquals(
                "Largest relative rise: 65+ (+53% by 2043).",
                partition.stream()
                        .filter(p -> p.startsWith("Largest relative"))
                        .findFirst()
                        .orElse(null),
                partition::toString);
    }
}
