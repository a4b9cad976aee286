package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** From a data-pack section to its definition, tests, results files and charts. */
class FindCommandTest {

    @Test
    void aSectionGivesEachDefinitionWithItsTestsFilesAndCharts() {
        CliRun r = CliRun.of("find", "DP 8.4");
        assertEquals(0, r.code(), r.err());
        // DP 8.4 is filed twice: the ACSC rate indicators and the ACSC admissions analysis.
        assertTrue(
                r.out()
                        .contains("definition  org.openphm.analyses.acute.AcscAdmissionRates "
                                + "(analyses/src/main/java/org/openphm/analyses/acute/AcscAdmissionRates.java)"),
                r.out());
        assertTrue(
                r.out()
                        .contains("definition  org.openphm.analyses.acute.AcscAdmissions "
                                + "(analyses/src/main/java/org/openphm/analyses/acute/AcscAdmissions.java)"),
                r.out());
        assertTrue(
                r.out().contains("analyses/src/test/java/org/openphm/analyses/acute/"),
                "a test next to the definition: " + r.out());
        assertTrue(r.out().contains("results/indicators.csv"), r.out());
        assertTrue(r.out().matches("(?s).*  chart       \\S+ \".+\" from dp-8\\.4-.+\\.csv.*"), r.out());
        // an indicator's own charts, as the build declares them
        assertTrue(
                r.out()
                        .contains("  chart       trend \"ACSC emergency admissions (CCG OIS 2.6 list), crude rate over "
                                + "time\" from indicators.csv"),
                r.out());
    }

    @Test
    void aBareNumberMeansTheDataPackSection() {
        CliRun bare = CliRun.of("find", "8.4");
        assertEquals(0, bare.code());
        assertEquals(CliRun.of("find", "DP 8.4").out().replace("DP 8.4:", "8.4:"), bare.out());
        assertEquals("DP 8.4", FindCommand.section("dp8.4"));
        assertEquals("PHM 13.1", FindCommand.section("phm 13.1"));
    }

    @Test
    void somethingFiledNowhereSaysWhichSectionsExist() {
        CliRun r = CliRun.of("find", "DP 99.9");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("phm find: nothing is filed under 'DP 99.9'. Sections held: DP 1."), r.err());
        assertTrue(r.err().contains("PHM 13.1") && r.err().contains("IMP 14.1"), r.err());
    }
}
