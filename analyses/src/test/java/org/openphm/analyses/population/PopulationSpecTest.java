package org.openphm.analyses.population;

import static org.junit.jupiter.api.Assertions.*;
import static org.openphm.analyses.population.PopulationSpecData.LUTON;
import static org.openphm.analyses.population.PopulationSpecData.MK;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * DP 1.2, 2.2, 2.4 and 4.5 on {@link PopulationSpecData}'s nine people, on both engines; every expected value is
 * worked out by hand from the table there.
 */
class PopulationSpecTest {

    static final List<FinancialYear> YEARS = List.of(FinancialYear.parse("2023/24"), FinancialYear.parse("2024/25"));

    static AnalysisContext context(Engine engine) {
        return new AnalysisContext(engine, Geography.load(engine), YEARS, Progress.SILENT);
    }

    /*
     * Registered and alive on 31 March 2025: 1 (F 75, Luton), 2 (M 44, Luton), 3 (F 1, Luton), 6 (M 35, MK),
     * 9 (M 83, MK); 4 and 5 died, 7 left, 8 died in 2023. ICB 5: aged 65+ 1 and 9 (40%); White 1 and 9 (40%);
     * not stated 3 (no record) and 6 (Z) (40%); England's two most deprived quintiles 1, 2, 3 (60%).
     * On 31 March 2024: 1, 2, 3 (registered February 2024), 4, 5, 6, 7, 9 = 8; growth 8 -> 5 = -37.5%.
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void registeredPopulationProfile(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            Map<String, AnalysisTable> t = byName(new RegisteredPopulationProfile().compute(context(engine)));
            List<Object> icb = only(t.get("summary"), "area_code", "QHG");
            assertEquals(5L, value(t.get("summary"), icb, "people"));
            assertEquals(40.0, (Double) value(t.get("summary"), icb, "aged_65_plus_pct"), 1e-9);
            assertEquals(40.0, (Double) value(t.get("summary"), icb, "white_pct"), 1e-9);
            assertEquals(40.0, (Double) value(t.get("summary"), icb, "ethnicity_not_stated_pct"), 1e-9);
            assertEquals(60.0, (Double) value(t.get("summary"), icb, "most_deprived_40_pct"), 1e-9);
            List<Object> luton = only(t.get("summary"), "area_code", LUTON);
            assertEquals(3L, value(t.get("summary"), luton, "people"));
            assertEquals(100.0, (Double) value(t.get("summary"), luton, "most_deprived_40_pct"), 1e-9);
            List<Object> mkGrowth = t.get("growth").rows().stream()
                    .filter(r -> r.get(1).equals("N2") && r.get(3).equals("2024/25"))
                    .findFirst()
                    .orElseThrow();
            // MK East on 31 March 2024: 4, 5, 6, 9 = 4; on 31 March 2025: 6, 9 = 2: -50%
            assertEquals(2L, mkGrowth.get(5));
            assertEquals(-50.0, (Double) mkGrowth.get(6), 1e-9);
            List<Object> icbGrowth = t.get("growth").rows().stream()
                    .filter(r -> r.get(1).equals("QHG") && r.get(3).equals("2024/25"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(-37.5, (Double) icbGrowth.get(6), 1e-9);
            Map<String, Object> pyramid = t.get("pyramid").rows().stream()
                    .filter(r -> r.get(1).equals("QHG"))
                    .collect(Collectors.toMap(r -> r.get(4) + " " + r.get(5), r -> r.get(6)));
            assertEquals(
                    Map.of("Female 0-4", 1L, "Female 75-79", 1L, "Male 35-39", 1L, "Male 40-44", 1L, "Male 80-84", 1L),
                    pyramid);
        }
    }

    /*
     * Deaths in 2024/25 are placed where the person was registered that day: 4 (M 84, MK, decile 10) and 5
     * (F 54, MK, on the SMI register). Population on 30 September 2024: 1, 2, 3, 4, 5, 6, 9 (7 left in June) = 7;
     * MK men of 80-84: 4 and 9. SMI on that day: 5 only (2's entry was resolved in 2010).
     * 2023/24: 8 died (M 93); population on 30 September 2023: 1, 2, 4, 5, 6, 7, 9 = 7 (3 not yet registered).
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void mortalityCells(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            MortalityCells cells = MortalityCells.count(engine, YEARS);
            FinancialYear y2425 = YEARS.get(1);
            MortalityCells.Bands all = cells.bands(c -> c.year().equals(y2425));
            assertEquals(2, all.totalDeaths());
            assertEquals(7, all.totalPopulation());
            MortalityCells.Bands mkMen =
                    cells.bands(c -> c.year().equals(y2425) && MK.equals(c.place()) && "M".equals(c.sex()));
            int band80 = MortalityCells.BAND_STARTS.indexOf(80);
            assertEquals(1, mkMen.deaths()[band80]);
            assertEquals(2, mkMen.population()[band80]);
            MortalityCells.Bands smi = cells.bands(c -> c.year().equals(y2425) && c.smi());
            assertEquals(1, smi.totalDeaths());
            assertEquals(1, smi.totalPopulation());
            assertEquals(
                    1,
                    cells.bands(c -> c.year().equals(y2425) && "10".equals(c.imdDecile()) && !c.smi())
                            .totalDeaths());
            MortalityCells.Bands y2324 = cells.bands(c -> c.year().equals(YEARS.get(0)));
            assertEquals(1, y2324.totalDeaths());
            assertEquals(7, y2324.totalPopulation());
            assertEquals(1, y2324.deaths()[MortalityCells.BAND_STARTS.indexOf(90)]);

            // Far too few people for the statistics: both say why instead of printing a number.
            var le = LifeExpectancyAnalysis.lifeExpectancy(
                    cells, Geography.load(engine), List.of(FinancialYear.parse("2022/23"), YEARS.get(0), YEARS.get(1)));
            assertTrue(
                    le.rows().stream()
                            .allMatch(r -> r.get(6) == null
                                    && ((String) r.get(11))
                                            .startsWith(
                                                    "Not calculated: some age bands have a zero or less population")),
                    le.rows().toString());
        }
    }

    /*
     * Base: registered on 31 March 2025 (projection year 2025). Growth to 2035 by Place, sex and the feed's coarse
     * band: Luton 1 (F 75) x 1.5 = 1.5, 3 (F 1) x 1.1 = 1.1, 2 (M 44) x 1.2 = 1.2 -> 3.8; MK 6 (M 35) x 0.9 = 0.9,
     * 9 (M 83) x 1.5 = 1.5 -> 2.4; ICB 6.2 from 5 (+24%). 65+: 1 and 9, 2 -> 3 (+50%).
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void populationProjection(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            AnalysisTable horizons = byName(new PopulationProjectionAnalysis().compute(context(engine)))
                    .get("horizons");
            assertEquals(6.2, horizon(horizons, "QHG", "All ages", "population"), 1e-9);
            assertEquals(24.0, horizon(horizons, "QHG", "All ages", "change_pct"), 1e-9);
            assertEquals(50.0, horizon(horizons, "QHG", "65+", "change_pct"), 1e-9);
            assertEquals(3.8, horizon(horizons, LUTON, "All ages", "population"), 1e-9);
            assertEquals(2.4, horizon(horizons, MK, "All ages", "population"), 1e-9);
            assertEquals(2.4, horizon(horizons, "N2", "All ages", "population"), 1e-9);
        }
    }

    /*
     * 2024/25 death rates by Place, sex and ESP band: MK men 80-84 1 death / 2 people = 0.5; MK women 50-54 1 / 1.
     * Registered on 31 March 2025 in those cells: 9 only (5 died). 2025: 0.5 x 1 = 0.5 predicted (2 observed).
     * 2035: 0.5 x (1 x 1.5) = 0.75 at constant rates; with 1.1% a year improvement 0.75 x 0.989^10.
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void predictedDeaths(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            AnalysisTable t = new PredictedDeaths(new SharedMortality())
                    .compute(context(engine))
                    .get(0);
            List<Object> base = row(t, "QHG", "2024/25");
            assertEquals(2L, value(t, base, "observed_deaths"));
            assertEquals(0.5, (Double) value(t, base, "predicted_deaths"), 1e-12);
            List<Object> y2035 = row(t, "QHG", "2034/35");
            double improved = 0.75 * Math.pow(0.989, 10);
            assertEquals(0.75, (Double) value(t, y2035, "predicted_deaths_constant_rates"), 1e-12);
            assertEquals(improved, (Double) value(t, y2035, "predicted_deaths"), 1e-12);
            assertEquals(100 * (improved - 0.5) / 0.5, (Double) value(t, y2035, "change_pct"), 1e-9);
            assertEquals(0.0, (Double) value(t, row(t, LUTON, "2034/35"), "predicted_deaths"), 1e-12);
        }
    }

    /*
     * DP 4.2 over the three pooled years 2022/23 - 2024/25, ages 18-74, SMI status on 30 September and on the day
     * of death. Registered and aged 18-74 on 30 September:
     *   2022: 1 (F 72), 2 (M 42), 7 (F 62) not on the register (2's entry resolved in 2010); 5 (F 52) on it;
     *         3 and 6 not yet registered, 4 (82), 8 (92), 9 (81) too old.
     *   2023: 1 (73), 2 (43), 6 (M 33, registered June 2023), 7 (63); 5 (53) on it.
     *   2024: 1 (74), 2 (44), 6 (34) (7 left in June 2024, 3 is 0); 5 (54) on it.
     * Person-years not on the register: 3 + 4 + 3 = 10 (Luton 1, 2, 7, 1, 2, 7, 1, 2 = 8; MK 6, 6 = 2); on it 3
     * (all MK). Deaths at 18-74: only 5 (F 54, MK, on the register, February 2025); 4 (84) and 8 (93) are too old.
     * One death, far below ten, and empty ESP bands (nobody of 15-19): no DSR, so no excess ratio either.
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void smiPrematureMortality(String engineName, @TempDir Path dir) throws Exception {
        List<FinancialYear> years = List.of(FinancialYear.parse("2022/23"), YEARS.get(0), YEARS.get(1));
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            Map<String, AnalysisTable> t = byName(new SmiPrematureMortality(new SharedMortality())
                    .compute(new AnalysisContext(engine, Geography.load(engine), years, Progress.SILENT)));
            AnalysisTable dsr = t.get("dsr");
            String period = "2022/23 - 2024/25";
            assertEquals(
                    List.of(period),
                    dsr.rows().stream().map(r -> r.get(3)).distinct().toList());
            assertEquals(List.of(1L, 3L), smi(dsr, "QHG", "On SMI register"));
            assertEquals(List.of(0L, 10L), smi(dsr, "QHG", "Not on SMI register"));
            assertEquals(List.of(1L, 3L), smi(dsr, MK, "On SMI register"));
            assertEquals(List.of(0L, 2L), smi(dsr, MK, "Not on SMI register"));
            assertEquals(List.of(0L, 0L), smi(dsr, LUTON, "On SMI register"));
            assertEquals(List.of(0L, 8L), smi(dsr, LUTON, "Not on SMI register"));
            assertTrue(
                    dsr.rows().stream()
                            .allMatch(
                                    r -> value(dsr, r, "value") == null && !((String) value(dsr, r, "note")).isEmpty()),
                    dsr.rows().toString());
            AnalysisTable excess = t.get("excess");
            List<Object> icb = row(excess, "QHG", period);
            assertNull(value(excess, icb, "excess_pct"));
            assertEquals("Not calculated: a DSR is missing", value(excess, icb, "note"));
        }
    }

    /*
     * DP 4.5 inputs over 2022/23 - 2024/25, all ages, by sex and the IMD decile of the person's LSOA (L1 decile 1,
     * all Luton; L2 decile 10, all MK). Registered on 30 September:
     *   2022: 1 (F, 1), 2 (M, 1), 4 (M, 10), 5 (F, 10), 7 (F, 1), 8 (M, 10), 9 (M, 10); 3 and 6 not yet registered.
     *   2023: 1, 2, 4, 5, 6 (M, 10), 7, 9 (8 died in May 2023).
     *   2024: 1, 2, 3 (F, 1), 4, 5, 6, 9 (7 left in June 2024).
     * Person-years: F decile 1 = 2 + 2 + 2 = 6; F decile 10 = 5 x 3 = 3; M decile 1 = 2 x 3 = 3; M decile 10 =
     * 3 + 3 + 3 = 9. Deaths in the three years: F decile 10 one (5); M decile 10 two (8, 4); 7 left, not died.
     * With nobody in most age bands no decile has a life expectancy, so no SII (0 of the 5 deciles needed).
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void lifeExpectancyInequalityInputsByDecile(String engineName, @TempDir Path dir) throws Exception {
        List<FinancialYear> years = List.of(FinancialYear.parse("2022/23"), YEARS.get(0), YEARS.get(1));
        try (Engine engine = SpecEngines.open(engineName, dir, PopulationSpecData.tables())) {
            Map<String, AnalysisTable> t = byName(new LifeExpectancyInequality(new SharedMortality())
                    .compute(new AnalysisContext(engine, Geography.load(engine), years, Progress.SILENT)));
            AnalysisTable deciles = t.get("by-decile");
            // population and deaths of every non-empty (area, sex, decile)
            Map<String, List<Object>> nonEmpty = deciles.rows().stream()
                    .filter(r -> !value(deciles, r, "population").equals(0L)
                            || !value(deciles, r, "deaths").equals(0L))
                    .collect(Collectors.toMap(
                            r -> r.get(1) + " " + r.get(3) + " " + value(deciles, r, "imd_decile"),
                            r -> List.of(value(deciles, r, "population"), value(deciles, r, "deaths"))));
            assertEquals(
                    Map.of(
                            "QHG Female 1",
                            List.of(6L, 0L),
                            "QHG Female 10",
                            List.of(3L, 1L),
                            "QHG Male 1",
                            List.of(3L, 0L),
                            "QHG Male 10",
                            List.of(9L, 2L),
                            LUTON + " Female 1",
                            List.of(6L, 0L),
                            LUTON + " Male 1",
                            List.of(3L, 0L),
                            MK + " Female 10",
                            List.of(3L, 1L),
                            MK + " Male 10",
                            List.of(9L, 2L)),
                    nonEmpty);
            // ICB and two Places, two sexes, ten deciles, one period
            assertEquals(3 * 2 * 10, deciles.rows().size());
            AnalysisTable sii = t.get("sii");
            assertEquals(3 * 2, sii.rows().size());
            assertTrue(
                    sii.rows().stream()
                            .allMatch(r -> value(sii, r, "sii") == null
                                    && value(sii, r, "deciles_used").equals(0L)
                                    && "Not calculated: life expectancy in only 0 deciles (5 are needed)"
                                            .equals(value(sii, r, "note"))),
                    sii.rows().toString());
        }
    }

    /** Deaths and person-years of one area's row for one SMI group. */
    static List<Object> smi(AnalysisTable t, String area, String group) {
        List<Object> r = t.rows().stream()
                .filter(x -> x.get(1).equals(area) && x.get(4).equals(group))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + area + " " + group));
        return List.of(value(t, r, "deaths"), value(t, r, "population"));
    }

    static Map<String, AnalysisTable> byName(List<AnalysisTable> tables) {
        return tables.stream().collect(Collectors.toMap(AnalysisTable::name, t -> t));
    }

    static List<Object> only(AnalysisTable t, String column, Object v) {
        int i = t.columnNames().indexOf(column);
        List<List<Object>> rows =
                t.rows().stream().filter(r -> v.equals(r.get(i))).toList();
        assertEquals(1, rows.size(), t.name() + " rows with " + column + " = " + v);
        return rows.get(0);
    }

    static Object value(AnalysisTable t, List<Object> row, String column) {
        return row.get(t.columnNames().indexOf(column));
    }

    static List<Object> row(AnalysisTable t, String area, String period) {
        return t.rows().stream()
                .filter(r -> r.get(1).equals(area) && r.get(3).equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + area + " " + period));
    }

    static double horizon(AnalysisTable t, String area, String group, String column) {
        List<Object> r = t.rows().stream()
                .filter(x -> x.get(1).equals(area)
                        && x.get(3).equals(group)
                        && x.get(7).equals(2035L))
                .findFirst()
                .orElseThrow();
        return (Double) value(t, r, column);
    }
}
