package org.openphm.analyses.acute;

import static java.time.LocalDate.parse;

import java.util.List;
import org.openphm.analyses.SpecGeography;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * A hand-made workspace for the acute-flow specification tests: two practices in two Places, five people, eleven
 * spells built to exercise each rule of the CCG OIS 2.6 list and each attribution decision. The expected answers
 * in the tests are derived by hand from the comments here.
 *
 * <pre>
 * person  sex born     lives       registered                                 note
 * A       F   1940-01  L1 (IMD 1)  P1 Bedford from 2010                       adult
 * B       M   1990-06  L2 (IMD 5)  P2 MK from 2015                            adult
 * C       F   2015-03  L2          P2 MK from 2015-04                         child
 * D       M   1950-01  L1          P1 Bedford 2010 to 2024-06-30, then P2 MK  moves Place mid-year
 * E       M   1960-01  L1          P1 from 2025-01-01 only                    unregistered when admitted
 *
 * spell  who method    admitted   out        ready      diagnosis (secondary)  proc  TF  site   cost  ACSC?
 * s1     A   emergency 2024-05-01 2024-05-06 2024-05-04 I500                   -     300 RC979  1000  CHF, cardiovascular
 * s2     A   emergency 2024-06-01 2024-06-03 -          I10X                   K401  320 -       900  no: cardiac procedure excludes hypertension
 * s3     A   emergency 2023-06-01 2023-06-04 -          I10 (read as I10X)     -     300 RC979   500  hypertension, 2023/24
 * s4     B   emergency 2024-07-01 2024-07-01 2024-07-01 J20.9 (I10X;J449)      E851  300 RD816   700  COPD: J20 with J44 elsewhere
 * s5     B   emergency 2024-08-01 2024-08-03 -          J209 (I10X)            -     300 -       600  no: J20 without COPD
 * s6     C   emergency 2024-09-01 2024-09-02 2024-09-01 G409                   -     420 RD816   300  epilepsy, neurological, child
 * s7     D   emergency 2024-05-01 2024-05-11 -          I200                   X351  300 RC971  2000  angina: X3 is not an excluding procedure; Bedford (registered there then)
 * s8     D   emergency 2024-08-01 2024-08-05 -          B181 (D571)            -     300 -       800  no: hepatitis B with sickle cell (D57)
 * s9     E   emergency 2024-06-01 2024-06-08 2024-06-03 I500                   -     300 RC971  1500  CHF but not registered: in no area
 * s10    A   elective  2024-10-01 2024-10-03 2024-10-03 K409                   -     100 RC979  3000  elective
 * s11    A   emergency 2024-11-01 2024-11-20 2024-11-15 E11.9                  -     300 RC979  4000  diabetes, nutritional/endocrine/metabolic
 * </pre>
 */
final class AcuteSpecData {
    private AcuteSpecData() {}

    static final String ICB = "QHG";
    static final String BEDFORD = "E06000055";
    static final String MK = "E06000042";

    static List<SpecTable> tables() {
        SpecTable practice = SpecGeography.practices(
                new SpecGeography.Place(BEDFORD, "Bedford Borough"), new SpecGeography.Place(MK, "Milton Keynes"));
        SpecTable lsoa = SpecGeography.lsoas(BEDFORD, MK);
        SpecTable patient = SpecTable.canonical(
                        CanonicalSchema.PATIENT, "person_id", "sex", "birth_month", "ethnicity", "lsoa")
                .row("A", "F", "1940-01", "A", "E01000001")
                .row("B", "M", "1990-06", "H", "E01000002")
                .row("C", "F", "2015-03", "A", "E01000002")
                .row("D", "M", "1950-01", "A", "E01000001")
                .row("E", "M", "1960-01", "A", "E01000001")
                .build();
        SpecTable registration = SpecTable.canonical(
                        CanonicalSchema.REGISTRATION, "person_id", "practice_code", "start_date", "end_date")
                .row("A", "P00001", parse("2010-01-01"), null)
                .row("B", "P00002", parse("2015-01-01"), null)
                .row("C", "P00002", parse("2015-04-01"), null)
                .row("D", "P00001", parse("2010-01-01"), parse("2024-06-30"))
                .row("D", "P00002", parse("2024-07-01"), null)
                .row("E", "P00001", parse("2025-01-01"), null)
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
                        "discharge_ready_date",
                        "primary_diagnosis",
                        "secondary_diagnoses",
                        "primary_procedure",
                        "treatment_function",
                        "cost_gbp")
                .row(
                        "s1",
                        "A",
                        "RC9",
                        "RC979",
                        "emergency",
                        parse("2024-05-01"),
                        parse("2024-05-06"),
                        parse("2024-05-04"),
                        "I500",
                        null,
                        null,
                        "300",
                        1000.0)
                .row(
                        "s2",
                        "A",
                        "RC9",
                        null,
                        "emergency",
                        parse("2024-06-01"),
                        parse("2024-06-03"),
                        null,
                        "I10X",
                        null,
                        "K401",
                        "320",
                        900.0)
                .row(
                        "s3",
                        "A",
                        "RC9",
                        "RC979",
                        "emergency",
                        parse("2023-06-01"),
                        parse("2023-06-04"),
                        null,
                        "I10",
                        null,
                        null,
                        "300",
                        500.0)
                .row(
                        "s4",
                        "B",
                        "RD8",
                        "RD816",
                        "emergency",
                        parse("2024-07-01"),
                        parse("2024-07-01"),
                        parse("2024-07-01"),
                        "J20.9",
                        "I10X;J449",
                        "E851",
                        "300",
                        700.0)
                .row(
                        "s5",
                        "B",
                        "RD8",
                        null,
                        "emergency",
                        parse("2024-08-01"),
                        parse("2024-08-03"),
                        null,
                        "J209",
                        "I10X",
                        null,
                        "300",
                        600.0)
                .row(
                        "s6",
                        "C",
                        "RD8",
                        "RD816",
                        "emergency",
                        parse("2024-09-01"),
                        parse("2024-09-02"),
                        parse("2024-09-01"),
                        "G409",
                        null,
                        null,
                        "420",
                        300.0)
                .row(
                        "s7",
                        "D",
                        "RC9",
                        "RC971",
                        "emergency",
                        parse("2024-05-01"),
                        parse("2024-05-11"),
                        null,
                        "I200",
                        null,
                        "X351",
                        "300",
                        2000.0)
                .row(
                        "s8",
                        "D",
                        "RD8",
                        null,
                        "emergency",
                        parse("2024-08-01"),
                        parse("2024-08-05"),
                        null,
                        "B181",
                        "D571",
                        null,
                        "300",
                        800.0)
                .row(
                        "s9",
                        "E",
                        "RC9",
                        "RC971",
                        "emergency",
                        parse("2024-06-01"),
                        parse("2024-06-08"),
                        parse("2024-06-03"),
                        "I500",
                        null,
                        null,
                        "300",
                        1500.0)
                .row(
                        "s10",
                        "A",
                        "RC9",
                        "RC979",
                        "elective",
                        parse("2024-10-01"),
                        parse("2024-10-03"),
                        parse("2024-10-03"),
                        "K409",
                        null,
                        null,
                        "100",
                        3000.0)
                .row(
                        "s11",
                        "A",
                        "RC9",
                        "RC979",
                        "emergency",
                        parse("2024-11-01"),
                        parse("2024-11-20"),
                        parse("2024-11-15"),
                        "E11.9",
                        null,
                        null,
                        "300",
                        4000.0)
                .build();
        return List.of(practice, lsoa, patient, registration, spell);
    }
}
