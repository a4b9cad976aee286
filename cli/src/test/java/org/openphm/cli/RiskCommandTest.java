package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.risk.RiskData;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.model.Progress;

/**
 * {@code phm risk train|validate|score} on a small synthetic ICB (issue 11, item 7): the model is saved beside the
 * workspace with coefficients only, validated on the next year, and scores the latest year into the workspace,
 * equal to the in-memory model; nothing person-level is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskCommandTest {
    Path tmp;
    Path workspace;
    Path ceiling;

    @BeforeAll
    void ingest(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path data = tmp.resolve("data");
        workspace = tmp.resolve("phm.duckdb");
        ceiling = tmp.resolve("truth").resolve("ceiling.csv");
        SyntheticData.generate(data, 8_000, 3, SyntheticData.Format.csv, true, ceiling, Progress.SILENT);
        assertEquals(
                0,
                run("ingest", "--workspace", workspace.toString(), data.toString())
                        .code());
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void trainValidateScoreSavesTheModelAndScoresInTheWorkspace() throws Exception {
        Path model = RiskModelFile.beside(workspace);
        CliRun train = run("risk", "train", "--workspace", workspace.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(
                train.out().contains("Trained the emergency-admission risk model on the cohort of 2023-04-01"),
                train.out());
        RiskModelFile.Saved saved = RiskModelFile.read(model);
        assertEquals(LocalDate.of(2023, 4, 1), saved.trainedAt());
        assertNull(saved.validation());
        assertNotNull(saved.trees(), "the gradient-boosted trees are saved with the model");
        assertEquals(saved.model().trainedOn(), saved.trees().trainedOn());
        String json = Files.readString(model);
        assertFalse(json.matches("(?s).*[0-9a-f]{32}.*"), "the model file holds no person_id");

        CliRun validate = run(
                "risk", "validate", "--workspace", workspace.toString(), "--ceiling", ceiling.toString(), "--trees");
        assertEquals(0, validate.code(), validate.err());
        assertTrue(
                validate.out().contains("Gradient-boosted trees (150 of depth 3, saved with the model)"),
                validate.out());
        assertTrue(validate.out().contains("validated 2024-04-01"), validate.out());
        assertTrue(validate.out().contains("Ceiling, the generator's own probability"), validate.out());
        RiskModelFile.Saved validated = RiskModelFile.read(model);
        assertNotNull(validated.validation());
        assertEquals(LocalDate.of(2024, 4, 1), validated.validation().index());
        assertTrue(validated.validation().auc() > 0.5 && validated.validation().auc() < 1);
        // validating did not change the model
        assertEquals(
                java.util.Arrays.toString(saved.model().coefficients()),
                java.util.Arrays.toString(validated.model().coefficients()));

        CliRun score = run("risk", "score", "--workspace", workspace.toString());
        assertEquals(0, score.code(), score.err());
        assertTrue(score.out().contains("Wrote table risk_score"), score.out());
        List<String> ids = new ArrayList<>();
        List<Double> risks = new ArrayList<>();
        long people;
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace, readOnly);
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT person_id), min(risk_rank), "
                    + "max(risk_rank), min(index_date) FROM risk_score")) {
                r.next();
                people = r.getLong(1);
                assertEquals(people, r.getLong(2));
                assertEquals(1, r.getLong(3));
                assertEquals(people, r.getLong(4));
                assertEquals("2025-04-01", r.getString(5));
            }
            try (ResultSet r = s.executeQuery("SELECT stratum, count(*) FROM risk_score GROUP BY stratum")) {
                while (r.next()) {
                    long expected = switch (r.getString(1)) {
                        case "Top 0.5%" -> (long) Math.ceil(0.005 * people);
                        case "0.5-5%" -> (long) Math.ceil(0.05 * people) - (long) Math.ceil(0.005 * people);
                        case "5-20%" -> (long) Math.ceil(0.20 * people) - (long) Math.ceil(0.05 * people);
                        default -> people - (long) Math.ceil(0.20 * people);
                    };
                    assertEquals(expected, r.getLong(2), r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT person_id, risk FROM risk_score ORDER BY person_id")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                    risks.add(r.getDouble(2));
                }
            }
        }
        // the engine's scores are the saved model's, person for person (RiskData reads in person_id order)
        try (Engine engine = DuckDbEngine.open(workspace)) {
            RiskData cohort = RiskData.load(engine, LocalDate.of(2025, 4, 1));
            assertEquals(people, cohort.size());
            for (int i = 0; i < cohort.size(); i++) {
                assertEquals(validated.model().probability(cohort.x()[i]), risks.get(i), 1e-9);
            }
        }
        // phm build's PHM 13.1 scores with the saved model and says so
        try (Engine engine = DuckDbEngine.open(workspace)) {
            CohortReads withTrees = new CohortReads(engine);
            var tables = phm131(withTrees, validated);
            assertEquals(1, withTrees.reads, "with saved trees only the validation cohort is read");
            // a model file without trees (written before they were saved): the build trains them on the training
            // cohort, the same people with the same parameters as phm risk train, so it publishes the same tables
            CohortReads withoutTrees = new CohortReads(engine);
            var trained = phm131(
                    withoutTrees,
                    new RiskModelFile.Saved(
                            validated.model(), validated.trainedAt(), validated.ridge(), validated.validation()));
            assertEquals(2, withoutTrees.reads, "without saved trees the training cohort is read to train them");
            assertEquals(trained.size(), tables.size());
            for (int i = 0; i < tables.size(); i++) {
                assertEquals(trained.get(i).name(), tables.get(i).name());
                assertEquals(
                        trained.get(i).rows(),
                        tables.get(i).rows(),
                        tables.get(i).name());
            }
            var metrics = tables.stream()
                    .filter(t -> t.name().equals("metrics"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    String.valueOf(metrics.rows().get(0).get(4))
                            .startsWith("Saved model (phm risk train), " + "trained on the cohort of 2023-04-01"),
                    metrics.rows().get(0).toString());
            assertFalse(String.valueOf(metrics.rows().get(0).get(4)).contains("sample"));
            // a model phm risk train fitted on a sample of a larger cohort (--max-people) says so on the card
            var sampled = phm131(
                    new CohortReads(engine),
                    new RiskModelFile.Saved(
                            validated.model(),
                            validated.trainedAt(),
                            validated.ridge(),
                            validated.validation(),
                            validated.trees(),
                            validated.model().trainedOn() * 4));
            String source = String.valueOf(sampled.stream()
                    .filter(t -> t.name().equals("metrics"))
                    .findFirst()
                    .orElseThrow()
                    .rows()
                    .get(0)
                    .get(4));
            assertTrue(
                    source.startsWith("Saved model (phm risk train), trained on the cohort of 2023-04-01: a "
                            + "systematic sample of it (every k-th person in pseudonym order): about "),
                    source);
            var coefficients = tables.stream()
                    .filter(t -> t.name().equals("coefficients"))
                    .findFirst()
                    .orElseThrow();
            for (int j = 0; j < coefficients.rows().size(); j++) {
                assertEquals(
                        validated.model().coefficients()[j],
                        (Double) coefficients.rows().get(j).get(2),
                        0.0);
            }
        }
        for (CliRun r : List.of(train, validate, score)) {
            for (String id : ids.subList(0, 50)) {
                assertFalse(r.out().contains(id) || r.err().contains(id), "a person_id was printed");
            }
        }
    }

    /** PHM 13.1 as phm build runs it with a saved model. */
    static List<org.openphm.analyses.catalogue.AnalysisTable> phm131(Engine engine, RiskModelFile.Saved saved) {
        var context = new org.openphm.analyses.catalogue.AnalysisContext(
                engine,
                org.openphm.analyses.indicator.Geography.load(engine),
                org.openphm.analyses.indicator.Periods.of(engine),
                Progress.SILENT,
                org.openphm.analyses.catalogue.AnalysisContext.supplying(java.util.Optional.of(saved)),
                org.openphm.stats.sdc.DisclosureRule.nhsDefault());
        return new org.openphm.analyses.risk.RiskStratification().compute(context);
    }

    /** The engine, counting the person-level cohort reads (RiskData streams each cohort, and nothing else does). */
    static final class CohortReads implements Engine {
        final Engine engine;
        int reads;

        CohortReads(Engine engine) {
            this.engine = engine;
        }

        @Override
        public String name() {
            return engine.name();
        }

        @Override
        public org.openphm.engine.Result execute(org.openphm.engine.query.Query query) {
            return engine.execute(query);
        }

        @Override
        public void stream(org.openphm.engine.query.Query query, RowSink sink) {
            reads++;
            engine.stream(query, sink);
        }

        @Override
        public void streamNumeric(org.openphm.engine.query.Query query, int textColumns, NumericRowSink sink) {
            reads++;
            engine.streamNumeric(query, textColumns, sink);
        }

        @Override
        public String render(org.openphm.engine.query.Query query) {
            return engine.render(query);
        }

        @Override
        public void close() {}
    }

    @Test
    void scoringWithoutAModelSaysWhatToDo() {
        CliRun r = run(
                "risk",
                "score",
                "--workspace",
                workspace.toString(),
                "--model",
                tmp.resolve("none.json").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no risk model at") && r.err().contains("phm risk train"), r.err());
    }
}
