package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * PHM 13.1, the risk stratification analysis as the build runs it, on {@link RiskCohortSpecTest}'s four people on
 * both engines. Scoring 2024/25 (from 2024-04-01), it fits on the cohort of 2022-04-01 and validates on that of
 * 2023-04-01; a model is only fitted with at least {@link RiskStratification#MIN_OUTCOMES} (50) admitted and 50
 * not admitted people in each year.
 */
class RiskStratificationSpecTest {

    /*
     * Cohort of 2022-04-01 (registered that day): A, B, C, D. Emergency admission in the next 12 months: A only
     * (2022-06-01): 1 admitted, 3 not. Cohort of 2023-04-01: A, B, C (leaves 2023-12-31), D; admitted A
     * (2023-05-01) and D (2024-03-25): 2 and 2. Far below 50 each, so the analysis publishes one "Not fitted" row
     * giving both years' counts instead of a model.
     */
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void tooFewAdmissionsPublishesWhyNotAModel(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, RiskCohortSpecTest.tables())) {
            AnalysisContext context = new AnalysisContext(
                    engine, Geography.load(engine), List.of(FinancialYear.parse("2024/25")), Progress.SILENT);
            List<AnalysisTable> tables = new RiskStratification().compute(context);
            assertEquals(1, tables.size());
            AnalysisTable metrics = tables.get(0);
            assertEquals("metrics", metrics.name());
            assertEquals(
                    List.of(Arrays.asList(
                            "Not fitted",
                            null,
                            null,
                            null,
                            "Not computed: too few people or admissions to fit and validate the model (at least 50 admitted"
                                    + " and not admitted are needed in each year): training year from 2022-04-01 has 1"
                                    + " admitted and 3 not admitted; validation year from 2023-04-01 has 2 admitted and 2 not"
                                    + " admitted;")),
                    metrics.rows());
        }
    }
}
