package org.openphm.analyses.quality;

import static java.time.LocalDate.parse;

import java.util.List;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * A hand-made workspace for the quality specification; the tests derive every expected value from these rows.
 *
 * <pre>
 * incident   RYV 2023/24 Never events 0; RYV 2023/24 theme Pressure ulcer 10; RYV 2024/25 theme Pressure ulcer 12;
 *            RYV 2024/25 theme Falls 3; RV3 2024/25 theme Falls 5
 * feedback   f1 complaint 2025-07-10 CNWL "Access to service"; f2 concern 2025-06-01 ELFT "access to service";
 *            f3 concern 2024-08-01 ELFT "Access to service"; f4 enquiry 2024-07-31 (before the 12 months);
 *            f5 compliment 2025-01-15, no provider
 * register   A Outstanding 2019-08-01, block to 2026-03-31, Luton; B Good 2025-06-01, no contract;
 *            C unrated, block to 2027-01-01
 * provision  L1: Bedford ELFT+BHFT, MK CNWL; L2: Bedford ELFT, MK CNWL; L3: Bedford X only
 * referral   r1 CSDS RWK 2024-05-01 no team type; r2 CSDS RWK 2024-05-10 first contact 2024-05-01 (before referral);
 *            r3 CSDS RWK 2024-07-01; r4 MHSDS RV3 2023-06-01
 * spell      s1 RC9 2024-05-01 no site; s2 RC9 2024-06-01 no site, discharged 2024-05-30 (before admission);
 *            s3 RC9 2024-07-01 site RC979
 * </pre>
 */
final class QualitySpecData {
    private QualitySpecData() {}

    static final String BEDFORD = "E06000055";
    static final String MK = "E06000042";

    static List<SpecTable> tables() {
        SpecTable practice = SpecTable.canonical(
                        CanonicalSchema.PRACTICE,
                        "practice_code",
                        "practice_name",
                        "pcn_code",
                        "pcn_name",
                        "neighbourhood_code",
                        "neighbourhood_name",
                        "place_code",
                        "place_name",
                        "icb_code",
                        "icb_name")
                .row(
                        "P00001",
                        "Practice one",
                        "PCN1",
                        "PCN one",
                        "N1",
                        "Hood one",
                        BEDFORD,
                        "Bedford Borough",
                        "QHG",
                        "BLMK")
                .row("P00002", "Practice two", "PCN2", "PCN two", "N2", "Hood two", MK, "Milton Keynes", "QHG", "BLMK")
                .build();
        SpecTable incident = SpecTable.canonical(CanonicalSchema.INCIDENT, "provider", "year", "category", "count")
                .row("RYV", "2023/24", "Never events", 0)
                .row("RYV", "2023/24", "PSIRF theme: Pressure ulcer", 10)
                .row("RYV", "2024/25", "PSIRF theme: Pressure ulcer", 12)
                .row("RYV", "2024/25", "PSIRF theme: Falls", 3)
                .row("RV3", "2024/25", "PSIRF theme: Falls", 5)
                .build();
        SpecTable feedback = SpecTable.canonical(
                        CanonicalSchema.FEEDBACK,
                        "feedback_id",
                        "type",
                        "received_date",
                        "theme",
                        "service_type",
                        "provider")
                .row("f1", "complaint", parse("2025-07-10"), "Access to service", "Community services", "CNWL")
                .row("f2", "concern", parse("2025-06-01"), "access to service", "MH & LD", "ELFT")
                .row("f3", "concern", parse("2024-08-01"), "Access to service", "MH & LD", "ELFT")
                .row("f4", "enquiry", parse("2024-07-31"), "Waiting times", "MH & LD", "Psychiatry UK")
                .row("f5", "compliment", parse("2025-01-15"), "Patient care", "Primary care", null)
                .build();
        SpecTable register = SpecTable.canonical(
                        CanonicalSchema.PROVIDER_REGISTER,
                        "provider",
                        "cqc_rating",
                        "rating_date",
                        "contract_expiry",
                        "contract_type",
                        "places",
                        "services")
                .row("A", "Outstanding", parse("2019-08-01"), parse("2026-03-31"), "Block", "E06000032", "Community")
                .row("B", "Good", parse("2025-06-01"), null, null, MK, "ADHD")
                .row("C", null, null, parse("2027-01-01"), "Block", BEDFORD + ";" + MK, "Mental health")
                .build();
        SpecTable provision = SpecTable.canonical(
                        CanonicalSchema.SERVICE_PROVISION, "service_line", "place_code", "provider", "setting")
                .row("L1", BEDFORD, "ELFT", "community")
                .row("L1", BEDFORD, "BHFT", "community")
                .row("L1", MK, "CNWL", "community")
                .row("L2", BEDFORD, "ELFT", "community")
                .row("L2", MK, "CNWL", "community")
                .row("L3", BEDFORD, "X", "community")
                .build();
        SpecTable referral = SpecTable.canonical(
                        CanonicalSchema.REFERRAL,
                        "referral_id",
                        "person_id",
                        "dataset",
                        "provider_code",
                        "service",
                        "referral_date",
                        "first_contact_date",
                        "source",
                        "accepted")
                .row("r1", "A", "CSDS", "RWK", null, parse("2024-05-01"), null, "GP", true)
                .row("r2", "A", "CSDS", "RWK", "DN", parse("2024-05-10"), parse("2024-05-01"), "GP", true)
                .row("r3", "B", "CSDS", "RWK", "DN", parse("2024-07-01"), null, "GP", true)
                .row("r4", "B", "MHSDS", "RV3", "CMHT", parse("2023-06-01"), null, "GP", true)
                .build();
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "provider_code",
                        "provider_site",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "primary_diagnosis",
                        "treatment_function",
                        "cost_gbp",
                        "discharge_destination")
                .row(
                        "s1",
                        "A",
                        "RC9",
                        null,
                        "emergency",
                        parse("2024-05-01"),
                        parse("2024-05-03"),
                        "I500",
                        "300",
                        1.0,
                        "19")
                .row(
                        "s2",
                        "A",
                        "RC9",
                        null,
                        "emergency",
                        parse("2024-06-01"),
                        parse("2024-05-30"),
                        "I500",
                        "300",
                        1.0,
                        "19")
                .row(
                        "s3",
                        "B",
                        "RC9",
                        "RC979",
                        "emergency",
                        parse("2024-07-01"),
                        parse("2024-07-02"),
                        "I500",
                        "300",
                        1.0,
                        "19")
                .build();
        SpecTable metric = SpecTable.canonical(
                        CanonicalSchema.PERFORMANCE_METRIC,
                        "metric_id",
                        "name",
                        "unit",
                        "polarity",
                        "org_code",
                        "month",
                        "value")
                .row("care_contacts", "Care contacts", "count", "none", "RWK", "2024-04", 100.0)
                .row("care_contacts", "Care contacts", "count", "none", "RWK", "2024-05", 110.0)
                .build();
        return List.of(practice, incident, feedback, register, provision, referral, spell, metric);
    }
}
