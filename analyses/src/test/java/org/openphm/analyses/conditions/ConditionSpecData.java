package org.openphm.analyses.conditions;

import static java.time.LocalDate.parse;

import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * A hand-made workspace for the conditions specification: two practices in two Places, eight people. Expected
 * answers in the tests are derived by hand from this table. Reference date 31 Mar 2025 (2024/25); ages then.
 *
 * <pre>
 * person sex born    eth practice         age  registers on 31/3/25 (diagnosed)           notes
 * A      F   1940-01 A   P1 Bedford, L1    85  HYP 2015, AF 2016, HF 2020, DEM 2023        BP 2024-10-01 145/85 (80+: to target)
 * B      M   1945-06 J   P1 Bedford, L1    79  HYP 2018, DM 2019, CHD 2019                 BP 2024-06-01 150/80 (under 80: not);
 *                                                                                         lone BP_SYS 130 on 2024-12-01 (no pair)
 * C      F   1980-03 M   P2 MK, L2         45  DEP first 2024-05-10, SMI 2012, HYP 2020    BP only 2023-01-01 (over 12 months);
 *                                                                                         detention 2024-07-01
 * D      M   2010-05 B   P2 MK, L2         14  AUT 2016; ADHD 2018 resolved 2023-01-01      emergency spells 2024-08-01 F329, 2024-09-01 J069
 * E      F   2012-01 A   P1 Bedford, L1    13  DEP 2023-05-01 (a child: not an adult case)  elective spell 2024-10-01 F500
 * F      M   1990-01 -   P1 Bedford, L1    35  DEP 2020 and again 2024-06-01, LD 2000, EP 2005
 * G      F   1930-01 A   P2 MK, L2         -   HYP 2010                                   died 2024-12-01
 * H      M   1975-01 H   P2 MK until 2024-06-30                                           detention 2024-05-01 (registered then)
 * </pre>
 *
 * Referrals 2023/24 (registration on the day; ages then): CSDS District Nursing A (83, F 80-84, Bedford) and B
 * (78, M 75-79, Bedford); CSDS Musculoskeletal C (43, F 40-44, MK) and D (13: under 18, not in DP 4.7); CSDS
 * no service F (33, M 30-34, Bedford); CSDS 2022 (out of year); MHSDS CAMHS D; MHSDS CMHT C.
 *
 * <p>Population projection (both Places, both sexes): bands 0-64 and 65+, 100 people in 2024 and 2025; 0-64
 * 110 in 2034, 115 in 2043, 120 in 2044; 65+ 150 in 2034, 190 in 2043, 200 in 2044.
 */
final class ConditionSpecData {
    private ConditionSpecData() {}

    static final String ICB = "QHG";
    static final String BEDFORD = "E06000055";
    static final String MK = "E06000042";

    static List<SpecTable> tables() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(BEDFORD, "Bedford Borough"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(BEDFORD, MK);
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa", "death_date")
                .row("A", "F", "1940-01", "A", "E01000001", null)
                .row("B", "M", "1945-06", "J", "E01000001", null)
                .row("C", "F", "1980-03", "M", "E01000002", null)
                .row("D", "M", "2010-05", "B", "E01000002", null)
                .row("E", "F", "2012-01", "A", "E01000001", null)
                .row("F", "M", "1990-01", null, "E01000001", null)
                .row("G", "F", "1930-01", "A", "E01000002", parse("2024-12-01"))
                .row("H", "M", "1975-01", "H", "E01000002", null)
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("A", "P00001", parse("2010-01-01"), null)
                .row("B", "P00001", parse("2010-01-01"), null)
                .row("C", "P00002", parse("2010-01-01"), null)
                .row("D", "P00002", parse("2010-06-01"), null)
                .row("E", "P00001", parse("2012-02-01"), null)
                .row("F", "P00001", parse("2010-01-01"), null)
                .row("G", "P00002", parse("2010-01-01"), null)
                .row("H", "P00002", parse("2010-01-01"), parse("2024-06-30"))
                .build();
        SpecTable condition = SpecTable.canonical(
                        CanonicalSchema.CONDITION, "person_id", "condition", "diagnosis_date", "resolved_date")
                .row("A", "HYP", parse("2015-01-01"), null)
                .row("A", "AF", parse("2016-01-01"), null)
                .row("A", "HF", parse("2020-01-01"), null)
                .row("A", "DEM", parse("2023-01-01"), null)
                .row("B", "HYP", parse("2018-01-01"), null)
                .row("B", "DM", parse("2019-01-01"), null)
                .row("B", "CHD", parse("2019-01-01"), null)
                .row("C", "DEP", parse("2024-05-10"), null)
                .row("C", "SMI", parse("2012-01-01"), null)
                .row("C", "HYP", parse("2020-01-01"), null)
                .row("D", "AUT", parse("2016-01-01"), null)
                .row("D", "ADHD", parse("2018-01-01"), parse("2023-01-01"))
                .row("E", "DEP", parse("2023-05-01"), null)
                .row("F", "DEP", parse("2020-01-01"), null)
                .row("F", "DEP", parse("2024-06-01"), null)
                .row("F", "LD", parse("2000-01-01"), null)
                .row("F", "EP", parse("2005-01-01"), null)
                .row("G", "HYP", parse("2010-01-01"), null)
                .build();
        SpecTable observation = SpecTable.canonical(CanonicalSchema.OBSERVATION, "person_id", "code", "value", "date")
                .row("A", "BP_SYS", 145.0, parse("2024-10-01"))
                .row("A", "BP_DIA", 85.0, parse("2024-10-01"))
                .row("B", "BP_SYS", 150.0, parse("2024-06-01"))
                .row("B", "BP_DIA", 80.0, parse("2024-06-01"))
                .row("B", "BP_SYS", 130.0, parse("2024-12-01"))
                .row("C", "BP_SYS", 120.0, parse("2023-01-01"))
                .row("C", "BP_DIA", 70.0, parse("2023-01-01"))
                .build();
        SpecTable spell = SpecTable.canonical(
                        CanonicalSchema.SPELL,
                        "spell_id",
                        "person_id",
                        "provider_code",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "primary_diagnosis",
                        "treatment_function",
                        "cost_gbp")
                .row("s1", "D", "RD8", "emergency", parse("2024-08-01"), parse("2024-08-03"), "F329", "711", 1000.0)
                .row("s2", "D", "RD8", "emergency", parse("2024-09-01"), parse("2024-09-02"), "J069", "420", 500.0)
                .row("s3", "E", "RC9", "elective", parse("2024-10-01"), parse("2024-10-05"), "F500", "711", 2000.0)
                .build();
        SpecTable detention = SpecTable.canonical(
                        CanonicalSchema.DETENTION, "person_id", "start_date", "section", "end_date")
                .row("C", parse("2024-07-01"), "2", parse("2024-07-20"))
                .row("H", parse("2024-05-01"), "3", parse("2024-06-01"))
                .build();
        SpecTable referral = SpecTable.canonical(
                        CanonicalSchema.REFERRAL,
                        "referral_id",
                        "person_id",
                        "dataset",
                        "provider_code",
                        "service",
                        "referral_date")
                .row("r1", "A", "CSDS", "RWK", "District Nursing Service", parse("2023-10-01"))
                .row("r2", "B", "CSDS", "RWK", "District Nursing Service", parse("2023-10-01"))
                .row("r3", "C", "CSDS", "RV3", "Musculoskeletal Service", parse("2023-06-01"))
                .row("r4", "F", "CSDS", "RWK", null, parse("2023-09-01"))
                .row("r5", "D", "CSDS", "RV3", "Musculoskeletal Service", parse("2023-11-01"))
                .row("r6", "A", "CSDS", "RWK", "District Nursing Service", parse("2022-10-01"))
                .row("r7", "D", "MHSDS", "RV3", "CAMHS", parse("2023-11-01"))
                .row("r8", "C", "MHSDS", "RV3", "Community Mental Health Team - Functional", parse("2023-12-01"))
                .build();
        SpecTable.Builder projection = SpecTable.canonical(
                CanonicalSchema.POPULATION_PROJECTION, "area_code", "year", "sex", "age_band", "population");
        int[] years = {2024, 2025, 2034, 2043, 2044};
        double[] young = {100, 100, 110, 115, 120};
        double[] old = {100, 100, 150, 190, 200};
        for (String area : List.of(BEDFORD, MK)) {
            for (String sex : List.of("F", "M")) {
                for (int i = 0; i < years.length; i++) {
                    projection.row(area, years[i], sex, "0-64", young[i]);
                    projection.row(area, years[i], sex, "65+", old[i]);
                }
            }
        }
        SpecTable comparator = SpecTable.canonical(
                        CanonicalSchema.ENGLAND_COMPARATOR,
                        "indicator_id",
                        "period",
                        "sex",
                        "age",
                        "value",
                        "synthetic",
                        "source")
                .row("qof-prevalence-hyp", "2024/25", "Persons", "All ages", 14.0, false, "test value")
                .row("qof-prevalence-dep", "2024/25", "Persons", "18+ yrs", 60.0, true, "test value")
                .build();
        List<SpecTable> all = new ArrayList<>(List.of(
                practice,
                lsoa,
                patient,
                registration,
                condition,
                observation,
                spell,
                detention,
                referral,
                projection.build(),
                comparator));
        return all;
    }
}
