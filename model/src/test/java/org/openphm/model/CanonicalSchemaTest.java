package org.openphm.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalSchemaTest {

    @Test
    void everyTableOfTheDataModelIsDeclaredOnce() {
        Set<String> names = new HashSet<>();
        for (Table t : CanonicalSchema.TABLES) {
            assertTrue(names.add(t.name()), "duplicate table " + t.name());
        }
        for (String required : new String[] {
            "patient",
            "registration",
            "condition",
            "observation",
            "referral",
            "spell",
            "detention",
            "waiting_entry",
            "population_projection",
            "performance_metric",
            "waiting_list",
            "workforce",
            "vacancy",
            "finance_spend",
            "allocation",
            "feedback",
            "incident",
            "provider_register",
            "service_provision",
            "practice",
            "lsoa"
        }) {
            assertTrue(names.contains(required), "missing table " + required);
        }
    }

    @Test
    void personLinkedTablesAreThePatientLevelOnes() {
        for (Table t : CanonicalSchema.TABLES) {
            assertEquals(t.kind() == TableKind.PATIENT_LEVEL, t.isPersonLinked(), t.name());
        }
    }

    @Test
    void keysMustBeColumns() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Table(
                        "x",
                        TableKind.AGGREGATE,
                        "x",
                        java.util.List.of(Column.required("a", ColumnType.STRING, "a")),
                        java.util.List.of("b"),
                        false));
    }

    @Test
    void codeDomainsAcceptTheirCodesAndRejectOthers() {
        assertTrue(CodeSets.ICD10.allows("I50.0"));
        assertTrue(CodeSets.ICD10.allows("J46X"));
        assertTrue(CodeSets.ICD10.allows("E11"));
        assertFalse(CodeSets.ICD10.allows("50.0"));
        assertFalse(CodeSets.ICD10.allows("I5"));
        assertTrue(CodeSets.ETHNICITY.allows("J"));
        assertFalse(CodeSets.ETHNICITY.allows("I"), "I and O are not NHS ethnic categories");
        assertTrue(CodeSets.CONDITION.allows("HYP"));
        assertFalse(CodeSets.CONDITION.allows("hypertension"));
        assertTrue(CodeSets.LSOA.allows("E01017539"));
        assertFalse(CodeSets.LSOA.allows("W01000001"));
        assertTrue(CodeSets.IMD_DECILE.allows("10"));
        assertFalse(CodeSets.IMD_DECILE.allows("11"));
        assertFalse(CodeSets.MONTH.allows("2024-13"));
    }

    @Test
    void ethnicGroupsAgreeBetweenJavaAndSql() {
        assertEquals("Asian", EthnicGroups.broad("J"));
        assertEquals("Black", EthnicGroups.broad("M"));
        assertEquals(EthnicGroups.NOT_STATED, EthnicGroups.broad("Z"));
        assertEquals(EthnicGroups.NOT_STATED, EthnicGroups.broad(null));
        String sql = EthnicGroups.sqlCase("e");
        assertTrue(sql.contains("WHEN e IN ('H','J','K','L','R') THEN 'Asian'"), sql);
        assertTrue(sql.endsWith("ELSE 'Not stated' END"), sql);
    }

    @Test
    void committedSchemaDocumentIsUpToDate() throws Exception {
        Path doc = Path.of("..", "docs", "DATA_MODEL.generated.md");
        assertTrue(Files.exists(doc), "run ./phm schema to write " + doc);
        assertEquals(
                SchemaDocument.markdown(),
                Files.readString(doc),
                "docs/DATA_MODEL.generated.md is stale: run ./phm schema (or SchemaDocument.write) and commit it");
    }

    @Test
    void csvWriterQuotesOnlyWhenNeeded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        try (CsvTableWriter w = new CsvTableWriter(f, java.util.List.of("a", "b", "c"))) {
            w.row("x", null, "say \"hi\", then");
            assertEquals(1, w.rows());
            assertThrows(IllegalArgumentException.class, () -> w.row("too", "few"));
        }
        assertEquals("a,b,c\nx,,\"say \"\"hi\"\", then\"\n", Files.readString(f));
    }
}
