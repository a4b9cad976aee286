package org.openphm.analyses.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * The seed Data Pack's figures (DP 11.x, 12.x, CfC financial context and Part D) reproduced from the synthetic BLMK
 * workspace. Money and headcounts scale with the synthetic population ({@link SyntheticBlmk#scale()}); shares do not.
 */
class ResourceFidelityTest {

    private static Engine engine;
    private static AnalysisContext context;

    @BeforeAll
    static void open() throws Exception {
        engine = SyntheticBlmk.engine();
        context = new AnalysisContext(
                engine,
                org.openphm.analyses.indicator.Geography.load(engine),
                List.of(FinancialYear.parse("2024/25")),
                Progress.SILENT);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static Map<String, Object> row(Analysis a, String table, Object... kv) {
        List<AnalysisTable> tables = a.compute(context);
        AnalysisTable t =
                tables.stream().filter(x -> x.name().equals(table)).findFirst().orElseThrow();
        for (List<Object> r : t.rows()) {
            boolean match = true;
            for (int i = 0; i < kv.length; i += 2) {
                match &= kv[i + 1].equals(r.get(t.columnNames().indexOf((String) kv[i])));
            }
            if (match) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    m.put(t.columnNames().get(i), r.get(i));
                }
                return m;
            }
        }
        throw new AssertionError("no row " + List.of(kv) + " in " + table);
    }

    private static double d(Map<String, Object> m, String c) {
        return ((Number) m.get(c)).doubleValue();
    }

    @Test
    void spendByCategory() {
        // CfC: community £181.4m, £190.4m, £203.0m; MH £194.9m, £217.6m, £235.5m (2022/23-2024/25); within 0.5%.
        String[] years = {"2022/23", "2023/24", "2024/25"};
        double[] community = {181.4e6, 190.4e6, 203.0e6}, mh = {194.9e6, 217.6e6, 235.5e6};
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    community[i],
                    d(row(new Spend(), "by-category", "year", years[i], "category", "community"), "spend_gbp")
                            / SyntheticBlmk.scale(),
                    community[i] * 0.005,
                    years[i]);
            assertEquals(
                    mh[i],
                    d(row(new Spend(), "by-category", "year", years[i], "category", "mental health"), "spend_gbp")
                            / SyntheticBlmk.scale(),
                    mh[i] * 0.005,
                    years[i]);
        }
        var latest = row(new Spend(), "by-category", "year", "2024/25", "category", "community");
        assertEquals(12.0, d(latest, "growth_since_first_pct"), 0.5); // CfC: 12%
        assertEquals(14.7, d(latest, "allocation_growth_since_first_pct"), 0.5); // CfC says 14%; DP 11.5 gives 14.7%
        var perHead = row(new Spend(), "by-category", "year", "2023/24", "category", "community");
        assertEquals(177, d(perHead, "spend_per_head_gbp"), 3); // CfC: £177
        assertEquals(222, d(perHead, "needs_weighted_per_head_gbp"), 4); // CfC: £222 (England £207)
    }

    @Test
    void allocationHistoryAndNeedsIndices() {
        var needs = row(new AllocationHistory(), "needs-index", "year", "2025/26");
        assertEquals(92.0, needs.get("general_and_acute"));
        assertEquals(79.0, needs.get("community"));
        assertEquals(88.0, needs.get("mental_health"));
        // DP 11.5: cumulative deficit £84.5m by 2015/16; 2025/26 allocation per head £1,626.
        assertEquals(
                -84.464e6,
                d(
                                row(new AllocationHistory(), "history", "year", "2015/16", "whole_area", "true"),
                                "cumulative_surplus_gbp")
                        / SyntheticBlmk.scale(),
                0.5e6);
        assertEquals(
                1626,
                d(
                        row(new AllocationHistory(), "history", "year", "2025/26", "whole_area", "true"),
                        "allocation_per_head_gbp"),
                2);
    }

    @Test
    void workforce() {
        var total = row(
                new WorkforceProfile(),
                "by-characteristic",
                "organisation",
                "All",
                "characteristic",
                "sex",
                "value",
                "F");
        assertEquals(85, d(total, "share_pct"), 1); // DP 12.3: 85% female
        double staff = d(total, "headcount") / 0.01 / d(total, "share_pct");
        assertEquals(4701, staff / SyntheticBlmk.scale(), 4701 * 0.01); // DP 12.3/12.4: 4,701
        assertEquals(
                34,
                d(
                        row(
                                new WorkforceProfile(),
                                "by-characteristic",
                                "organisation",
                                "All",
                                "characteristic",
                                "staff_group",
                                "value",
                                "Nursing and Midwifery Registered"),
                        "share_pct"),
                1);
        assertEquals(
                27,
                d(
                        row(
                                new WorkforceProfile(),
                                "by-characteristic",
                                "organisation",
                                "All",
                                "characteristic",
                                "staff_group",
                                "value",
                                "Additional Clinical Services"),
                        "share_pct"),
                1);
        assertEquals(
                17,
                d(
                        row(
                                new WorkforceProfile(),
                                "by-characteristic",
                                "organisation",
                                "All",
                                "characteristic",
                                "staff_group",
                                "value",
                                "Administrative and Clerical"),
                        "share_pct"),
                1);
        assertEquals(
                22,
                d(
                        row(
                                new WorkforceProfile(),
                                "by-characteristic",
                                "organisation",
                                "All",
                                "characteristic",
                                "afc_band",
                                "value",
                                "Band 6"),
                        "share_pct"),
                1.5);
        var age = row(new WorkforceAge(), "by-staff-group", "staff_group", "All");
        assertEquals(20, d(age, "aged_55_plus_pct"), 1); // DP 12.5: 20% 55+
        assertEquals(14, d(age, "under_30_pct"), 1); // 14% under 30
        assertEquals(
                38,
                d(row(new WorkforceEthnicity(), "comparison", "population", "Workforce", "group", "BME"), "share_pct"),
                1.5); // DP 12.6: 38% BME
        assertEquals(
                7.29,
                d(
                        row(new Vacancies(), "by-year", "year", "2024/25", "organisation", "All", "staff_group", "All"),
                        "vacancy_rate_pct"),
                0.1); // DP 12.3: 7.29%
        assertEquals(
                11.99,
                d(row(new Turnover(), "rolling", "organisation", "All", "month", "2025-03"), "turnover_pct"),
                1.0); // DP 12.3: 11.99%
        assertEquals(
                9.4,
                d(row(new Turnover(), "rolling", "organisation", "All", "month", "2025-06"), "turnover_pct"),
                1.0); // CfC Part D: 9.4% June 2025
    }
}
