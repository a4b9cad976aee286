package org.openphm.synth.activity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The ACSC codes the model writes against NHS Digital's CCG OIS 2.6 specification (v1.15, Dec 2018; the
 * CCG_OIS_2_6 rows of the model's reference acsc_icd10.csv and acsc_exclusions.csv): every ACSC diagnosis is on the list in
 * the right group, no ACSC procedure is one the specification's exclusions remove, and no non-ACSC diagnosis
 * the model writes would be counted as ACSC.
 */
class AcscCodesTest {

    record Entry(String group, String code, boolean exact, String exclusion) {
        boolean matches(String icd10) {
            return exact ? icd10.equals(code) : icd10.startsWith(code);
        }
    }

    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static List<List<String>> read(String resource) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(AcscCodesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                rows.add(csv(line));
            }
        }
        return rows;
    }

    /** The CCG OIS 2.6 rows of one of the model's ACSC reference tables. */
    static List<org.openphm.model.ReferenceCsv.Row> ccgOis26(String table) {
        return org.openphm.model.ReferenceCsv.read(AcscCodesTest.class, "/org/openphm/reference/" + table).stream()
                .filter(r -> r.get("list_id").equals("CCG_OIS_2_6"))
                .toList();
    }

    static List<Entry> list() throws Exception {
        return ccgOis26("acsc_icd10.csv").stream()
                .map(f -> new Entry(
                        f.get("condition_group"),
                        f.get("icd10_code"),
                        f.get("code_match").equals("exact4"),
                        f.optional("exclusion_id")))
                .toList();
    }

    @Test
    void everyAcscDiagnosisIsOnTheCcgOis26ListInItsGroup() throws Exception {
        List<Entry> list = list();
        for (AcscCondition c : AcscCondition.values()) {
            for (String code : c.icd10) {
                Entry e = list.stream()
                        .filter(x -> x.matches(code))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(code + " is not on CCG OIS 2.6"));
                assertEquals(c.group.label, e.group(), code);
            }
        }
    }

    @Test
    void noAcscProcedureIsExcludedByTheSpecification() throws Exception {
        List<Entry> list = list();
        List<org.openphm.model.ReferenceCsv.Row> exclusions = ccgOis26("acsc_exclusions.csv");
        for (AcscCondition c : AcscCondition.values()) {
            for (String code : c.icd10) {
                String exclusion = list.stream()
                        .filter(x -> x.matches(code))
                        .findFirst()
                        .orElseThrow()
                        .exclusion();
                if (exclusion.isEmpty()) {
                    continue;
                }
                var rule = exclusions.stream()
                        .filter(f -> f.get("exclusion_id").equals(exclusion))
                        .findFirst()
                        .orElseThrow();
                for (String prefix : rule.get("codes_semicolon_separated").split(";")) {
                    for (String procedure : c.group.procedures) {
                        assertFalse(
                                rule.get("code_system").equals("OPCS-4") && procedure.startsWith(prefix),
                                c + " procedure " + procedure + " is excluded by " + exclusion);
                    }
                }
            }
        }
    }

    @Test
    void diagnosesOfOtherSpellsAreNeverAcsc() throws Exception {
        List<Entry> list = list();
        SplittableRandom rng = new SplittableRandom(1);
        for (String tf : new String[] {"100", "101", "104", "110", "300", "301", "320", "420", "430", "502", "711"}) {
            for (int i = 0; i < 200; i++) {
                String dx = Diagnoses.emergency(rng, tf);
                assertTrue(list.stream().noneMatch(e -> e.matches(dx)), tf + " " + dx);
            }
        }
        for (String dx : Diagnoses.MATERNITY) {
            assertTrue(list.stream().noneMatch(e -> e.matches(dx)), dx);
        }
    }

    @Test
    void adultCompositionSharesAddUpToTheWholeAndCardiovascularLeads() {
        for (Place p : SyntheticIcbDefinition.defaultIcb().places()) {
            for (boolean child : new boolean[] {false, true}) {
                double total = 0;
                for (AcscCondition c : AcscCondition.values()) {
                    total += c.share(p, child);
                }
                assertEquals(100, total, 1e-9, p + (child ? " children" : " adults"));
            }
        }
    }
}
