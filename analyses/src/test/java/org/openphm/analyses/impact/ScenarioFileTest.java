package org.openphm.analyses.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openphm.analyses.phm.CheckedFile;

/** Scenario files: bad ones are refused with the file and the field named; the template and shipped ones read. */
class ScenarioFileTest {

    @TempDir
    Path dir;

    static final String HEAD = "schema: openphm-scenario/1\nname: test\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a mitigator that is not a number|mitigators: {acsc_admission_avoidance_pct: ten}|$.mitigators.acsc_admission_avoidance_pct",
                "an interval upside down|costs: {bed_day_gbp: {low: 500, high: 300}}|$.costs.bed_day_gbp",
                "a misspelt block|mitigatorz: {}|mitigatorz",
                "an unknown distribution|costs: {bed_day_gbp: {low: 1, high: 2, distribution: lognormal}}|$.costs.bed_day_gbp",
                "a share above 100%|mitigators: {length_of_stay_reduction_pct: {low: 10, high: 150}}|$.mitigators.length_of_stay_reduction_pct",
                "probabilities not adding to 1|population: {variants: [{name: a, probability: 0.5, growth_multiplier: 1}]}|$.population.variants",
                "a horizon before the baseline|horizon_year: 2020/21|$.horizon_year",
                "years that do not follow|baseline_year: 2024/26|$.baseline_year",
                "a report year beyond the horizon|report_years: [2050/51]|$.report_years[0]",
                "mitigators in full before they start|mitigators: {start_year: 2028/29, full_by: 2026/27}|$.mitigators.full_by",
                "occupancy of 0|beds: {occupancy_target_pct: 0}|$.beds.occupancy_target_pct",
                "a triangular interval without a mode|efficiencies: {cost_efficiency_pct_per_year: {low: 0, high: 2, distribution: triangular}}|$.efficiencies.cost_efficiency_pct_per_year",
                "too many runs|runs: 1000000|$.runs",
            })
    void aBadFileIsRefusedNamingTheFileAndTheField(String what, String yaml, String field) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, HEAD + yaml + "\n");
        CheckedFile.Invalid e = assertThrows(CheckedFile.Invalid.class, () -> Scenario.read(f), what);
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(field), what + ": " + e.getMessage());
    }

    @Test
    void brokenYamlIsRefusedWithItsLine() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, HEAD + "mitigators: {acsc_admission_avoidance_pct: [1, 2\n");
        CheckedFile.Invalid e = assertThrows(CheckedFile.Invalid.class, () -> Scenario.read(f));
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void aHousingUpliftForAPlaceTheWorkspaceDoesNotHaveIsRefused() throws Exception {
        Path f = dir.resolve("housing.yaml");
        Files.writeString(
                f,
                HEAD + "baseline_year: 2024/25\nhorizon_year: 2027/28\n"
                        + "population: {housing_uplift_pct: {E99999999: 5}}\n");
        Scenario s = Scenario.read(f);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ImpactModel.run(ImpactModelTest.oneCell(), s));
        assertTrue(e.getMessage().contains("$.population.housing_uplift_pct.E99999999"), e.getMessage());
    }

    @Test
    void theTemplateReadsBackAsTheDefaults() throws Exception {
        Path f = dir.resolve("new.yaml");
        Files.writeString(f, ScenarioTemplate.text("My \"quoted\" scenario"));
        Scenario s = Scenario.read(f);
        assertEquals("My \"quoted\" scenario", s.name());
        assertEquals(Scenario.DEFAULT_BASELINE, s.baseline());
        assertEquals(Scenario.DEFAULT_HORIZON, s.horizon());
        assertEquals(256, s.runs());
        for (ScenarioParameter p : ScenarioParameter.values()) {
            assertEquals(p.otherwise(), s.parameter(p), p.path());
        }
        assertEquals(1, s.variants().size());
        // and it documents every parameter
        String text = Files.readString(f);
        for (ScenarioParameter p : ScenarioParameter.values()) {
            assertTrue(text.contains(p.field()), p.path());
        }
    }

    @Test
    void theShippedScenariosRead() throws Exception {
        Scenario asIs = Scenario.readResource("impact/as-is.yaml");
        Scenario cfc = Scenario.readResource("impact/case-for-change.yaml");
        for (ScenarioParameter m : ScenarioParameter.MITIGATORS) {
            assertEquals(Interval.fixed(0), asIs.parameter(m), "the as-is has no " + m.path());
            assertTrue(cfc.parameter(m).high() > 0, "the Case for Change sets " + m.path());
        }
        assertEquals(2_600_000_000.0, cfc.finance().allocationGbp());
        assertEquals(3, cfc.variants().size());
    }
}
