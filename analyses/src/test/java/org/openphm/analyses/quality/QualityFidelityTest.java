package org.openphm.analyses.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.analyses.quality.QualitySpecTest.row;
import static org.openphm.analyses.quality.QualitySpecTest.rows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;

/**
 * Fidelity to the seed Data Pack's figures on the synthetic BLMK workspace: DP 10.1's counts, DP 10.2/10.3's registers,
 * the CfC provider-map gaps and the DP 9.2 defects, which the data-quality analysis must find from the data.
 */
class QualityFidelityTest {

    @Test
    void registersAndDefectsOfTheSyntheticWorkspace() throws Exception {
        try (Engine engine = SyntheticBlmk.engine()) {
            AnalysisContext context = new AnalysisContext(
                    engine,
                    Geography.load(engine),
                    List.of(new FinancialYear(2023), new FinancialYear(2024)),
                    Progress.SILENT);

            // DP 10.1: 7 complaints, 18 concerns, 29 enquiries, 1 compliment, 2 information requests (not scaled:
            // the register is the ICB's own log, not a function of the population)
            List<AnalysisTable> feedback = new ComplaintsAndFeedback().compute(context);
            assertEquals(7L, row(feedback, "by-type", "type", "complaint").get("contacts"));
            assertEquals(18L, row(feedback, "by-type", "type", "concern").get("contacts"));
            assertEquals(29L, row(feedback, "by-type", "type", "enquiry").get("contacts"));
            assertEquals(1L, row(feedback, "by-type", "type", "compliment").get("contacts"));
            assertEquals(
                    2L, row(feedback, "by-type", "type", "information_request").get("contacts"));
            // DP 10.1: Psychiatry UK 26 of the 29 enquiries; ELFT 5 of the 18 concerns
            assertEquals(
                    26L,
                    row(feedback, "by-dimension", "dimension", "Provider", "type", "enquiry", "value", "Psychiatry UK")
                            .get("contacts"));
            assertEquals(
                    5L,
                    row(feedback, "by-dimension", "dimension", "Provider", "type", "concern", "value", "ELFT")
                            .get("contacts"));

            // DP 6.7: the fifteen BAF risks the data pack lists, by reference and title
            AnalysisTable baf = new BoardAssuranceFramework().compute(context).get(0);
            Map<Object, Object> titles = new java.util.TreeMap<>();
            baf.rows().forEach(r -> titles.put(r.get(0), r.get(1)));
            assertEquals(
                    List.of(
                            "BAF0001", "BAF0002", "BAF0003", "BAF0004", "BAF0005", "BAF0006", "BAF0007", "BAF0008",
                            "BAF0009", "BAF0010", "BAF0011", "BAF0012", "BAF0013", "BAF0015", "BAF0022"),
                    List.copyOf(titles.keySet()));
            assertEquals("Pressure on Urgent and Emergency Care (UEC) in the BLMK System", titles.get("BAF0003"));
            assertEquals("Achieving Net Zero", titles.get("BAF0022"));

            // DP 10.2: CCS's Outstanding of August 2019 is the oldest rating
            AnalysisTable ratings = new CqcRatings().compute(context).get(0);
            assertEquals("CCS", ratings.rows().get(0).get(0));
            // DP 10.3: all six block contracts end 31.3.26, within 12 months of the register date
            AnalysisTable contracts = new Contracts().compute(context).get(0);
            assertEquals(
                    6,
                    rows(List.of(contracts), "contracts", "expires_within_12_months", true)
                            .size());

            // CfC Part B (4/6): the Unscheduled Care Co-ordination Hub is not replicated in MK; Part C: MK's
            // community CYP MH, talking therapies etc. Every gap row is a real gap of the published map.
            List<AnalysisTable> map = new ServiceProvisionMap().compute(context);
            List<Map<String, Object>> gaps = rows(map, "gaps");
            assertTrue(
                    gaps.stream()
                            .anyMatch(g -> "E06000042".equals(g.get("place_code"))
                                    && ServiceProvisionMap.NO_PROVIDER.equals(g.get("gap"))),
                    gaps.toString());
            // CfC Part B: MK community rehabilitation is CNWL only where Bedford has four providers
            assertTrue(
                    gaps.stream()
                            .anyMatch(g -> "E06000042".equals(g.get("place_code"))
                                    && String.valueOf(g.get("service_line"))
                                            .toLowerCase()
                                            .contains("rehabilitation")
                                    && ServiceProvisionMap.SINGLE_PROVIDER.equals(g.get("gap"))),
                    gaps.toString());

            // DP 9.2 defects, found from the data
            List<AnalysisTable> dq = new DataQuality().compute(context);
            // referrals with no team type
            assertTrue(
                    rows(dq, "by-provider", "check", "service").stream().anyMatch(r -> (Long) r.get("failing") > 0),
                    "some referrals have no team type");
            // provider site missing for more than 85% of some provider's spells
            assertTrue(
                    rows(dq, "by-provider", "dataset", "SUS APC", "check", "provider_site").stream()
                            .anyMatch(r -> (Double) r.get("failing_pct") > 85),
                    "a provider with >85% of sites missing");
            // ELFT (RWK) care contacts before Nov-24 about half the later level, confirmed by SPC
            Map<String, Object> elft = row(dq, "volume-shifts", "series", "care_contacts", "org", "RWK");
            assertEquals(true, elft.get("flagged"));
            assertEquals("2024-11", elft.get("step_month"));
            assertEquals(0.5, (Double) elft.get("ratio"), 0.1);
            // and no false alarm on the providers whose contacts were reported in full
            assertFalse((Boolean) row(dq, "volume-shifts", "series", "care_contacts", "org", "RV3")
                    .get("flagged"));
            assertFalse((Boolean) row(dq, "volume-shifts", "series", "care_contacts", "org", "RYV")
                    .get("flagged"));
            List<String> findings = rows(dq, "findings").stream()
                    .map(r -> (String) r.get("finding"))
                    .toList();
            System.out.println("DP 9 findings on the synthetic workspace:\n  " + String.join("\n  ", findings));
            System.out.println("Volume steps flagged: " + rows(dq, "volume-shifts", "flagged", true));
        }
    }
}
