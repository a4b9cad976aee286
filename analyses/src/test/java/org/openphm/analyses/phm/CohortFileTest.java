package org.openphm.analyses.phm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.risk.RiskCohort;

/** Cohort and segment-rule files: a mistake is reported with the file and the field it is in. */
class CohortFileTest {
    static final String GOOD = """
            {"format": "openphm-cohort", "name": "n", "description": "d", "index_date": "2025-04-01",
             "include": [{"label": "old", "criterion": {"fact": "age", "op": ">=", "value": 75}}]}
            """;

    private static String problem(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return assertThrows(CheckedFile.Invalid.class, () -> CohortDefinition.read(f))
                .getMessage();
    }

    @Test
    void schemaMistakesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        assertEquals(
                1,
                CohortDefinition.read(write(dir, "good.json", GOOD)).include().size());

        String misspelt = problem(dir, "fact.json", GOOD.replace("\"age\"", "\"agee\""));
        assertTrue(misspelt.contains("fact.json") && misspelt.contains("$.include[0].criterion.fact"), misspelt);

        String op = problem(dir, "op.json", GOOD.replace("\">=\"", "\"=>\""));
        assertTrue(op.contains("$.include[0].criterion.op"), op);

        String missing = problem(dir, "missing.json", GOOD.replace("\"include\"", "\"includes\""));
        assertTrue(missing.contains("include"), missing);

        String date = problem(dir, "date.json", GOOD.replace("2025-04-01", "2025-02-30"));
        assertTrue(date.contains("$.index_date") && date.contains("2025-02-30"), date);

        // beyond the schema: a number fact compared with a text, a text fact with a number
        String type = problem(dir, "type.json", GOOD.replace("75}", "\"75\"}"));
        assertTrue(type.contains("$.include[0].criterion.value") && type.contains("age is a number"), type);
        String text = problem(
                dir,
                "text.json",
                GOOD.replace("\"age\", \"op\": \">=\", \"value\": 75", "\"sex\", \"op\": \"=\", \"value\": 1"));
        assertTrue(text.contains("sex is a text"), text);

        String twice = problem(
                dir,
                "twice.json",
                GOOD.replace("]}", ", {\"label\": \"old\", \"criterion\": " + "{\"register\": \"DM\"}}]}"));
        assertTrue(twice.contains("$.include[1].label") && twice.contains("used twice"), twice);

        String nested = problem(
                dir,
                "nested.json",
                GOOD.replace(
                        "{\"fact\": \"age\", \"op\": \">=\", \"value\": 75}",
                        "{\"all\": [{\"register\": \"DM\"}, {\"not\": {\"fact\": \"ltc_count\", \"in\": [\"2\"]}}]}"));
        assertTrue(
                nested.contains("$.include[0].criterion.all[1].not.in") && nested.contains("ltc_count is a number"),
                nested);
    }

    @Test
    void yamlIsAcceptedAndItsSyntaxErrorsGiveTheLine(@TempDir Path dir) throws Exception {
        CohortDefinition c = CohortDefinition.read(write(dir, "c.yaml", """
                format: openphm-cohort
                name: n
                description: d
                index_date: latest
                include:
                  - label: diabetes
                    criterion: {register: DM}
                """));
        assertTrue(c.indexDate().isEmpty());
        assertEquals("on the DM register", c.include().get(0).criterion().describe());
        String bad = problem(dir, "bad.yaml", "format: openphm-cohort\nname: [unclosed\n");
        assertTrue(bad.contains("bad.yaml") && bad.contains("line"), bad);
    }

    @Test
    void segmentRulesMustEndWithEverybodyElseAndReadOnlyPersonFacts(@TempDir Path dir) throws Exception {
        String rules = """
                {"format": "openphm-segments", "version": "t", "source": "s", "segments": [
                  {"id": "a", "name": "A", "definition": "a", "rule": {"register": "PC"}},
                  {"id": "b", "name": "B", "definition": "b", "rule": %s}]}
                """;
        assertEquals(
                2,
                SegmentRules.read(write(dir, "ok.json", rules.formatted("{\"always\": true}")))
                        .segments()
                        .size());
        Path noCatchAll = write(dir, "no.json", rules.formatted("{\"register\": \"DM\"}"));
        String e = assertThrows(CheckedFile.Invalid.class, () -> SegmentRules.read(noCatchAll))
                .getMessage();
        assertTrue(e.contains("$.segments[1].rule") && e.contains("everybody"), e);
        Path circular =
                write(dir, "seg.json", rules.formatted("{\"fact\": \"segment\", \"op\": \"=\", \"value\": \"A\"}"));
        String s = assertThrows(CheckedFile.Invalid.class, () -> SegmentRules.read(circular))
                .getMessage();
        assertTrue(s.contains("$.segments[1].rule.fact") && s.contains("cohort files only"), s);
    }

    @Test
    void theSchemaListsExactlyTheFactsAndRegistersTheCodeHas() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(CheckedFile.schemaText("criterion.schema.json"));
        List<String> facts = new ArrayList<>();
        schema.at("/properties/fact/enum").forEach(n -> facts.add(n.asText()));
        List<String> expected = new ArrayList<>(
                PersonFacts.all().stream().map(PersonFacts.Fact::name).toList());
        expected.addAll(List.of("segment", "risk_stratum"));
        assertEquals(
                expected.stream().sorted().toList(), facts.stream().sorted().toList());
        assertEquals(
                CohortDefinition.COHORT_FACTS.keySet().stream().sorted().toList(), List.of("risk_stratum", "segment"));
        List<String> registers = new ArrayList<>();
        schema.at("/properties/register/enum").forEach(n -> registers.add(n.asText()));
        assertEquals(RiskCohort.REGISTERS, registers);
    }

    @Test
    void theShippedExamplesAndRulesAreValid() throws Exception {
        SegmentRules.standard();
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "cohorts"))) {
            List<Path> all = files.sorted().toList();
            assertEquals(3, all.size(), all.toString());
            for (Path f : all) {
                CohortDefinition c = CohortDefinition.read(f);
                assertTrue(!c.include().isEmpty() && !c.list().isEmpty(), f.toString());
            }
        }
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
