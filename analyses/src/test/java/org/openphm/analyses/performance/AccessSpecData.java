package org.openphm.analyses.performance;

import static java.time.LocalDate.parse;

import java.util.List;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * Hand-made tables for the benchmarking, waiting-list and CAMHS specification tests.
 *
 * <pre>
 * CAMHS: practices P1 Bedford Borough, P2 Milton Keynes (ICB QHG); years 2023/24 and 2024/25.
 * person sex born     practice   note
 * C1     F   2012-01  P1 Bedford child
 * C2     M   2010-06  P2 MK      child
 * C3     F   2007-03  P2 MK      17 in May 2024, 18 from March 2025
 * A1     M   1980-01  P2 MK      adult
 * referral dataset provider date        accepted  counted as
 * r1       MHSDS   RWK      2023-05-10  true      Bedford 2023/24 Q1
 * r2       MHSDS   RWK      2024-05-10  false     Bedford 2024/25 Q1
 * r3       MHSDS   RV3      2023-07-01  true      MK 2023/24 Q2
 * r4       MHSDS   RV3      2024-04-20  true      MK 2024/25 Q1
 * r5       MHSDS   RV3      2025-01-15  false     MK 2024/25 Q4
 * r6       MHSDS   RV3      2024-05-10  true      MK 2024/25 Q1 (C3 aged 17)
 * r7       MHSDS   RV3      2025-04-15  true      not: C3 is 18, and 2025/26 is outside the years
 * r8       MHSDS   RV3      2024-06-01  true      not: adult
 * r9       CSDS    RV3      2024-06-01  true      not: community dataset
 * r10      MHSDS   RV3      2024-08-01  (null)    MK 2024/25 Q2, not accepted
 * </pre>
 */
final class AccessSpecData {
    private AccessSpecData() {}

    static final String ICB = "QHG", BEDFORD = "E06000055", MK = "E06000042";

    static List<SpecTable> camhs() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(BEDFORD, "Bedford Borough"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(BEDFORD);
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa")
                .row("C1", "F", "2012-01", "A", "E01000001")
                .row("C2", "M", "2010-06", "A", "E01000001")
                .row("C3", "F", "2007-03", "A", "E01000001")
                .row("A1", "M", "1980-01", "A", "E01000001")
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("C1", "P00001", parse("2012-02-01"), null)
                .row("C2", "P00002", parse("2010-07-01"), null)
                .row("C3", "P00002", parse("2007-04-01"), null)
                .row("A1", "P00002", parse("2000-01-01"), null)
                .build();
        SpecTable referral = SpecTable.canonical(
                        CanonicalSchema.REFERRAL,
                        "referral_id",
                        "person_id",
                        "dataset",
                        "provider_code",
                        "referral_date",
                        "accepted")
                .row("r1", "C1", "MHSDS", "RWK", parse("2023-05-10"), true)
                .row("r2", "C1", "MHSDS", "RWK", parse("2024-05-10"), false)
                .row("r3", "C2", "MHSDS", "RV3", parse("2023-07-01"), true)
                .row("r4", "C2", "MHSDS", "RV3", parse("2024-04-20"), true)
                .row("r5", "C2", "MHSDS", "RV3", parse("2025-01-15"), false)
                .row("r6", "C3", "MHSDS", "RV3", parse("2024-05-10"), true)
                .row("r7", "C3", "MHSDS", "RV3", parse("2025-04-15"), true)
                .row("r8", "A1", "MHSDS", "RV3", parse("2024-06-01"), true)
                .row("r9", "C2", "CSDS", "RV3", parse("2024-06-01"), true)
                .row("r10", "C2", "MHSDS", "RV3", parse("2024-08-01"), null)
                .build();
        return List.of(practice, lsoa, patient, registration, referral);
    }

    /**
     * waiting_list: ELFT Adult Podiatry Circle and Adult Wheelchairs with DP 7.7's Apr-Jul 2025 18+ week waiters,
     * CNWL CAMHS - ADHD with DP 7.8's; eleven teams "Team 01".."Team 11" at CCS that the DP does not list, with
     * 1..11 waiters in Jul-25 (so the top 10 leaves out Team 01). Totals and mean waits in Jul-25: Podiatry
     * Circle 1,000 and 30 weeks, Wheelchairs 200 and 20 weeks; other months total = 2 x waiters, mean 25.
     */
    static SpecTable waitingList() {
        SpecTable.Builder b = SpecTable.canonical(
                CanonicalSchema.WAITING_LIST,
                "provider_code",
                "service",
                "month",
                "waiting_total",
                "waiting_18w_plus",
                "mean_wait_weeks");
        String[] months = {"2025-04", "2025-05", "2025-06", "2025-07"};
        long[] circle = {937, 924, 891, 782};
        long[] wheelchairs = {110, 112, 108, 120};
        long[] adhd = {223, 224, 228, 254};
        for (int i = 0; i < 4; i++) {
            boolean jul = i == 3;
            b.row("RWK", "Adult Podiatry Circle", months[i], jul ? 1000 : 2 * circle[i], circle[i], jul ? 30.0 : 25.0);
            b.row(
                    "RWK",
                    "Adult Wheelchairs",
                    months[i],
                    jul ? 200 : 2 * wheelchairs[i],
                    wheelchairs[i],
                    jul ? 20.0 : 25.0);
            b.row("RV3", "CAMHS - ADHD", months[i], 2 * adhd[i], adhd[i], 25.0);
        }
        for (int t = 1; t <= 11; t++) {
            b.row("RYV", String.format("Team %02d", t), "2025-07", 2L * t, (long) t, 25.0);
        }
        return b.build();
    }

    /** DP 7.3 rows (as printed) for three measures and four organisations, plus an older month to be ignored. */
    static SpecTable benchmarking() {
        SpecTable.Builder b = SpecTable.canonical(
                CanonicalSchema.PERFORMANCE_METRIC,
                "metric_id",
                "name",
                "unit",
                "polarity",
                "org_code",
                "month",
                "value",
                "regional_value",
                "regional_rank");
        String plan = "mhb_cyp_access_pct_plan",
                change = "mhb_cyp_access_pct_change",
                alos = "mhb_alos_plan_diff",
                alosChange = "mhb_alos_change";
        b.row(plan, "CYP access: % of plan", "%", "high", "Y61", "2025-05", 101.32, null, null);
        b.row(plan, "CYP access: % of plan", "%", "high", "QHG", "2025-05", 99.68, 101.32, 4);
        b.row(plan, "CYP access: % of plan", "%", "high", "QUE", "2025-05", 87.63, 101.32, 6);
        b.row(plan, "CYP access: % of plan", "%", "high", "QM7", "2025-05", 104.97, 101.32, 2);
        b.row(plan, "CYP access: % of plan", "%", "high", "QHG", "2025-04", 50.0, 101.32, 6);
        b.row(change, "CYP access: % change", "%", "high", "QHG", "2025-05", -0.63, 0.84, 5);
        b.row(change, "CYP access: % change", "%", "high", "QJG", "2025-05", 0.00, 0.84, 4);
        b.row(change, "CYP access: % change", "%", "high", "QM7", "2025-05", 1.91, 0.84, 2);
        b.row(alos, "Mean LoS: difference from plan", "days", "low", "QHG", "2025-05", 4.0, 4.0, 4);
        b.row(alos, "Mean LoS: difference from plan", "days", "low", "QJG", "2025-05", -2.0, 4.0, 1);
        b.row(alosChange, "Mean LoS: change", "days", "low", "QHG", "2025-05", 4.0, 5.0, 3);
        b.row(alosChange, "Mean LoS: change", "days", "low", "QMM", "2025-05", -3.0, 5.0, 1);
        return b.build();
    }
}
