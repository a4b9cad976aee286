package org.openphm.analyses.phm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.or;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.conditions.ConditionRegisters;
import org.openphm.analyses.conditions.MultimorbidityConditions;
import org.openphm.analyses.fidelity.SyntheticBlmk;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;

/**
 * The shipped segments on the synthetic BLMK (issue 13, item 1: "segment sizes must be plausible against the DP's
 * figures"), on the risk model's scoring date. Checked against the data pack's own definitions run on the same
 * people (DP 3.11's multimorbidity conditions, DP 5's registers) and the seed's whole-population prevalences
 * (DP 3.7's last row, as the data pack gives them: dementia 0.7%, SMI 1.1%, LD 0.4%).
 */
class SegmentationFidelityTest {
    static final LocalDate INDEX = LocalDate.of(2025, 4, 1);

    @Test
    void segmentsPartitionThePopulationAndAgreeWithTheRegisters() throws Exception {
        SegmentRules rules = SegmentRules.standard();
        try (Engine engine = SyntheticBlmk.engine()) {
            Result r = engine.execute(
                    Segmentation.segmented(rules, INDEX).aggregate(List.of("segment"), countRows("people")));
            Map<String, Long> size = new LinkedHashMap<>();
            rules.names().forEach(n -> size.put(n, 0L));
            long total = 0;
            for (int i = 0; i < r.size(); i++) {
                size.put(r.getString(i, "segment"), r.getLong(i, "people"));
                total += r.getLong(i, "people");
            }
            Map<String, Object> facts = engine.execute(PersonFacts.on(INDEX)
                            .aggregate(
                                    List.of(),
                                    countRows("people"),
                                    countIf("pc", col("reg_pc").eq(1L)),
                                    countIf(
                                            "no_ltc_not_pc",
                                            and(
                                                    col("ltc_count").eq(0L),
                                                    col("reg_pc").eq(0L))),
                                    countIf(
                                            "dem_not_pc",
                                            and(
                                                    col("reg_dem").eq(1L),
                                                    col("reg_pc").eq(0L))),
                                    countIf(
                                            "smi_or_ld",
                                            or(
                                                    col("reg_smi").eq(1L),
                                                    col("reg_ld").eq(1L)))))
                    .asMaps()
                    .get(0);
            long people = num(facts.get("people"));
            StringBuilder report = new StringBuilder("segments on " + INDEX + " of " + people + " people:");
            size.forEach((k, v) -> report.append(String.format("%n  %-48s %,9d %5.1f%%", k, v, 100.0 * v / people)));
            System.out.println(report);

            // every registered person in exactly one segment
            assertEquals(people, total);
            // end of life is checked first: exactly the palliative care register (DP 5)
            assertEquals(num(facts.get("pc")), size.get("End of life"));
            // no long-term condition and not palliative: healthy or early years, nobody else
            assertEquals(num(facts.get("no_ltc_not_pc")), size.get("Healthy") + size.get("Early years"));
            // everyone with dementia and not palliative is in frailty and dementia
            assertTrue(size.get("Frailty and dementia") >= num(facts.get("dem_not_pc")));
            // SMI/LD holds only people on those registers, and not all of them (multimorbidity comes first)
            assertTrue(size.get("Serious mental illness or learning disability") <= num(facts.get("smi_or_ld")));

            // the seed's prevalences: dementia 0.7% of all patients (±10%), so the segment holds at least that
            // less the palliative; SMI 1.1% + LD 0.4% (±10%) bound the SMI/LD segment from above
            assertTrue(
                    share(size, "Frailty and dementia", people) >= 0.7 * 0.9 - share(size, "End of life", people),
                    report.toString());
            assertTrue(
                    share(size, "Serious mental illness or learning disability", people) <= (1.1 + 0.4) * 1.1,
                    report.toString());

            // DP 3.11: people with none of its 16 conditions. Our long-term conditions include all 16 and 4 more,
            // so healthy and early years together cannot exceed DP 3.11's "0 conditions", nor fall far below it
            Query dp311 = org.openphm.analyses.indicator.RegisteredPopulation.at(INDEX)
                    .select("person_id")
                    .join(
                            ConditionRegisters.on(INDEX, MultimorbidityConditions.ids())
                                    .aggregate(List.of("person_id"), countRows("n")),
                            "person_id");
            long withAny = num(engine.execute(dp311.aggregate(List.of(), countRows("people")))
                    .get(0, "people"));
            long dp311None = people - withAny;
            long healthyOrYoung = size.get("Healthy") + size.get("Early years");
            System.out.printf(
                    "DP 3.11 no condition: %,d (%.1f%%); healthy or early years: %,d (%.1f%%)%n",
                    dp311None, 100.0 * dp311None / people, healthyOrYoung, 100.0 * healthyOrYoung / people);
            assertTrue(healthyOrYoung <= dp311None);
            assertTrue(
                    healthyOrYoung >= 0.85 * dp311None,
                    "the four extra conditions (asthma, osteoporosis, PAD, "
                            + "RA) move at most 15% of DP 3.11's 'none' into a condition segment");
            // complex multimorbidity is a small minority, as DP 3.11's 4+ share (2.6% in the synthetic pack) is
            assertTrue(share(size, "Complex multimorbidity", people) < 10, report.toString());
        }
    }

    private static double share(Map<String, Long> size, String segment, long people) {
        return 100.0 * size.get(segment) / people;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
