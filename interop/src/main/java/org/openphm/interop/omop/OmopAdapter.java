package org.openphm.interop.omop;

import static org.openphm.model.CanonicalSchema.PATIENT;
import static org.openphm.model.CanonicalSchema.REGISTRATION;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.ingest.UnusableInputException;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.interop.AdapterOptions;
import org.openphm.interop.SourceAdapter;
import org.openphm.interop.SourceRows;
import org.openphm.interop.Translating;
import org.openphm.model.CodeSets;

/**
 * OMOP CDM 5.4 onto the canonical model, from a folder of CSV or Parquet tables named as the CDM names them, or
 * a DuckDB database holding them ({@link OmopTables}):
 * <ul>
 *   <li>person (+ death) → patient; observation_period → registration, at the practice of the person's care
 *       site when it is one of the geography's, else the default practice;</li>
 *   <li>condition_occurrence → condition register entries through the register map;</li>
 *   <li>visit_occurrence: inpatient visits (9201 Inpatient Visit, 262 ER and Inpatient Visit, 8717 Inpatient
 *       Hospital) → spell;</li>
 *   <li>measurement: blood pressure, BMI and HbA1c (by LOINC source value) → observation.</li>
 * </ul>
 * Every other CDM table present is read and counted as out of scope.
 */
public final class OmopAdapter implements SourceAdapter {
    public static final String FORMAT = "omop-cdm-5.4";
    private static final Set<String> INPATIENT = Set.of("9201", "262", "8717");
    private static final String ER_VISIT = "9203";
    /** Vocabulary tables: reference, not data (the register map is built from them). */
    private static final List<String> VOCABULARY =
            List.of("vocabulary", "domain", "relationship", "drug_strength", "source_to_concept_map", "concept_class");

    private static final List<String> USED = List.of(
            "person",
            "death",
            "observation_period",
            "condition_occurrence",
            "visit_occurrence",
            "measurement",
            "care_site",
            "location",
            "cost");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void translate(AdapterOptions options, Translating t) throws IOException, UnusableInputException {
        Path scratch = Files.createDirectories(t.files().dir().resolve(".omop"));
        OmopTables cdm = OmopTables.open(options.source(), scratch);
        if (!cdm.has("person")) {
            throw new UnusableInputException(
                    options.source().toString(),
                    0,
                    null,
                    "has no person table: not an OMOP CDM source (" + cdm.kind() + ": " + String.join(", ", cdm.names())
                            + ")",
                    "give the folder holding the CDM tables as CSV or Parquet (PERSON.csv, OBSERVATION_PERIOD.csv, "
                            + "CONDITION_OCCURRENCE.csv, VISIT_OCCURRENCE.csv, ...), or a .duckdb file holding them");
        }
        // The scratch copies of Parquet or database tables go with the staging folder when the ingest ends.
        translate(cdm, t);
    }

    private void translate(OmopTables cdm, Translating t) throws IOException {
        WorkspacePseudonyms.Adapter ids = t.pseudonyms();
        t.tally()
                .policy("person: the CDM person_id is not an NHS number; each person gets a keyed pseudonym of it "
                        + "(HMAC with the workspace key), so the source id never reaches the workspace");

        Map<Long, String> practiceOfCareSite = new HashMap<>();
        Map<Long, String> providerOfCareSite = new HashMap<>();
        count(
                "care_site",
                cdm.each("care_site", r -> {
                    String code = r.get("care_site_source_value");
                    if (code != null) {
                        providerOfCareSite.put(r.id("care_site_id"), code);
                        if (t.geography().hasPractice(code)) {
                            practiceOfCareSite.put(r.id("care_site_id"), code);
                        }
                    }
                }),
                t,
                "read to resolve practices and providers");
        Map<Long, String> lsoaOfLocation = new HashMap<>();
        count(
                "location",
                cdm.each("location", r -> {
                    String v = r.get("location_source_value");
                    if (v != null && CodeSets.LSOA.pattern().matcher(v).matches()) {
                        lsoaOfLocation.put(r.id("location_id"), v);
                    }
                }),
                t,
                "read to resolve LSOAs");
        Map<Long, String[]> deaths = new HashMap<>();
        cdm.each(
                "death",
                r -> t.guard(r, "death", () -> {
                    String cause = r.get("cause_source_value");
                    deaths.put(r.id("person_id"), new String[] {
                        r.date("death_date").toString(),
                        cause != null && CodeSets.ICD10.pattern().matcher(cause).matches() ? cause : null
                    });
                    t.tally().translated("death", PATIENT);
                }));

        Map<Long, String> personIds = new HashMap<>();
        Map<Long, String> practiceOf = new HashMap<>();
        cdm.each(
                "person",
                r -> t.guard(r, "person", () -> {
                    long id = r.id("person_id");
                    String pid = ids.sourceId("omop", Long.toString(id));
                    Integer year = r.get("year_of_birth") == null ? null : Integer.valueOf(r.get("year_of_birth"));
                    if (year == null) {
                        throw new SourceRows.BadField("year_of_birth", null, "required value missing");
                    }
                    String month = r.get("month_of_birth");
                    if (month == null) {
                        t.tally()
                                .defaulted(
                                        "person", PATIENT, "month_of_birth", "not recorded: July (mid-year) assumed");
                    }
                    String birthMonth = String.format("%04d-%02d", year, month == null ? 7 : Integer.parseInt(month));
                    String sex = switch (String.valueOf(r.get("gender_concept_id"))) {
                        case "8507" -> "M";
                        case "8532" -> "F";
                        default -> "U";
                    };
                    String lsoa = r.get("location_id") == null ? null : lsoaOfLocation.get(r.id("location_id"));
                    if (lsoa == null) {
                        t.tally().defaulted("person", PATIENT, "location_id", "no LSOA in the source: area not known");
                    }
                    t.tally()
                            .defaulted(
                                    "person",
                                    PATIENT,
                                    "race_concept_id",
                                    "no NHS ethnic category in the source: not stated");
                    String[] death = deaths.get(id);
                    t.files()
                            .write(
                                    PATIENT,
                                    r.ref(),
                                    pid,
                                    sex,
                                    birthMonth,
                                    null,
                                    lsoa,
                                    death == null ? null : death[0],
                                    death == null ? null : death[1]);
                    t.tally().translated("person", PATIENT);
                    personIds.put(id, pid);
                    String practice =
                            r.get("care_site_id") == null ? null : practiceOfCareSite.get(r.id("care_site_id"));
                    if (practice != null) {
                        practiceOf.put(id, practice);
                    }
                }));

        LocalDate[] latest = {null};
        cdm.each("observation_period", r -> {
            String end = r.get("observation_period_end_date");
            if (end != null
                    && end.length() >= 10
                    && (latest[0] == null || end.substring(0, 10).compareTo(latest[0].toString()) > 0)) {
                latest[0] = LocalDate.parse(end.substring(0, 10));
            }
        });
        if (latest[0] != null) {
            t.extractEnd(latest[0]);
        }
        t.tally()
                .policy("registration: an observation period is a registration; one that runs to the source's last "
                        + "date (" + latest[0] + ") and whose person has not died is still open");
        cdm.each(
                "observation_period",
                r -> t.guard(r, "observation_period", () -> {
                    long id = r.id("person_id");
                    String pid = personIds.get(id);
                    if (pid == null) {
                        t.tally()
                                .unmapped("observation_period", "person_id", "person not in PERSON (or refused there)");
                        return;
                    }
                    String practice = t.practice("observation_period", REGISTRATION, practiceOf.get(id));
                    if (practice == null) {
                        return;
                    }
                    LocalDate end = r.date("observation_period_end_date");
                    String[] death = deaths.get(id);
                    // An observation period running to the extract date is an open registration.
                    t.files()
                            .write(
                                    REGISTRATION,
                                    r.ref(),
                                    pid,
                                    practice,
                                    r.date("observation_period_start_date"),
                                    death == null && end != null && !end.isBefore(t.extractEnd()) ? null : end);
                    t.tally().translated("observation_period", REGISTRATION);
                }));

        // One pass over conditions: register entries, and the ICD-10 diagnosis of each visit for its spell.
        Map<Long, String> diagnosisOfVisit = new HashMap<>();
        cdm.each(
                "condition_occurrence",
                r -> t.guard(r, "condition_occurrence", () -> {
                    String code = r.get("condition_source_value");
                    String visit = r.get("visit_occurrence_id");
                    if (visit != null
                            && code != null
                            && CodeSets.ICD10.pattern().matcher(code).matches()) {
                        diagnosisOfVisit.putIfAbsent(Long.parseLong(visit), code);
                    }
                    String pid = personIds.get(r.id("person_id"));
                    if (pid == null) {
                        t.tally()
                                .unmapped(
                                        "condition_occurrence", "person_id", "person not in PERSON (or refused there)");
                        return;
                    }
                    t.register(
                            "condition_occurrence",
                            r,
                            pid,
                            r.get("condition_source_value"),
                            t.registers().ofConcept(r.id("condition_concept_id"), r.get("condition_source_value")),
                            r.date("condition_start_date"),
                            r.date("condition_end_date"));
                }));

        Map<Long, Double> visitCost = new HashMap<>();
        count(
                "cost",
                cdm.each("cost", r -> {
                    if ("Visit".equalsIgnoreCase(r.get("cost_domain_id")) && r.get("total_cost") != null) {
                        visitCost.merge(r.id("cost_event_id"), Double.parseDouble(r.get("total_cost")), Double::sum);
                    }
                }),
                t,
                "read for the cost of inpatient visits");
        Map<String, Set<LocalDate>> erDays = new HashMap<>();
        cdm.each("visit_occurrence", r -> {
            if (ER_VISIT.equals(r.get("visit_concept_id")) && r.get("visit_start_date") != null) {
                erDays.computeIfAbsent(r.get("person_id"), k -> new java.util.HashSet<>())
                        .add(r.date("visit_start_date"));
            }
        });
        cdm.each(
                "visit_occurrence",
                r -> t.guard(r, "visit_occurrence", () -> {
                    String concept = String.valueOf(r.get("visit_concept_id"));
                    if (!INPATIENT.contains(concept)) {
                        t.tally()
                                .outOfScope(
                                        "visit_occurrence",
                                        "visit_concept_id",
                                        "not an inpatient visit (concept " + concept + ")");
                        return;
                    }
                    String pid = personIds.get(r.id("person_id"));
                    if (pid == null) {
                        t.tally().unmapped("visit_occurrence", "person_id", "person not in PERSON (or refused there)");
                        return;
                    }
                    long visit = r.id("visit_occurrence_id");
                    LocalDate admitted = r.date("visit_start_date");
                    boolean emergency = concept.equals("262")
                            || "8870".equals(r.get("admitted_from_concept_id"))
                            || erDays.getOrDefault(r.get("person_id"), Set.of()).contains(admitted);
                    String provider =
                            r.get("care_site_id") == null ? null : providerOfCareSite.get(r.id("care_site_id"));
                    t.spell(
                            "visit_occurrence",
                            r.ref(),
                            "omop-" + visit,
                            pid,
                            provider,
                            emergency,
                            admitted,
                            r.date("visit_end_date"),
                            diagnosisOfVisit.get(visit),
                            visitCost.get(visit));
                }));

        cdm.each(
                "measurement",
                r -> t.guard(r, "measurement", () -> {
                    String pid = personIds.get(r.id("person_id"));
                    if (pid == null) {
                        t.tally().unmapped("measurement", "person_id", "person not in PERSON (or refused there)");
                        return;
                    }
                    t.observation(
                            "measurement",
                            r.ref(),
                            pid,
                            r.get("measurement_source_value"),
                            r.get("value_as_number"),
                            r.date("measurement_date"));
                }));
        t.registersDone();

        for (String table : cdm.names()) {
            if (!USED.contains(table) && !VOCABULARY.contains(table) && !table.startsWith("concept")) {
                t.tally().outOfScope(table, null, "no canonical table for it", cdm.each(table, r -> {}));
            }
        }
    }

    private static void count(String table, long rows, Translating t, String why) {
        t.tally().outOfScope(table, null, why, rows);
    }
}
