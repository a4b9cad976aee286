package org.openphm.interop.fhir;

import static org.openphm.model.CanonicalSchema.PATIENT;
import static org.openphm.model.CanonicalSchema.REGISTRATION;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.openphm.ingest.UnusableInputException;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.interop.AdapterOptions;
import org.openphm.interop.SourceAdapter;
import org.openphm.interop.SourceRows;
import org.openphm.interop.Translating;
import org.openphm.model.CodeSets;

/**
 * FHIR R4 Bulk Data export (NDJSON, one resource per line, files named {@code <Type>.<n>.ndjson}) onto the
 * canonical model, parsed with HAPI FHIR's R4 structures:
 * <ul>
 *   <li>Patient → patient (NHS number from the UK Core identifier {@value #NHS_NUMBER_SYSTEM}, pseudonymised as a
 *       CSV ingest would; otherwise a keyed pseudonym of the resource id) and a registration with the
 *       general practitioner's practice (ODS code), from the first encounter;</li>
 *   <li>Condition (SNOMED CT) → condition register entries through the register map;</li>
 *   <li>Encounter of class IMP/ACUTE/NONAC → spell, its primary diagnosis the first-ranked Encounter.diagnosis
 *       Condition coded in ICD-10, else an ICD-10 reasonCode;</li>
 *   <li>Observation: blood pressure (also as components of a panel), BMI and HbA1c by LOINC → observation.</li>
 * </ul>
 * Organization and Location are read for lookups; Procedure and every other type are counted as out of scope.
 */
public final class FhirBulkAdapter implements SourceAdapter {
    public static final String FORMAT = "fhir-r4-bulk";
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String ETHNIC_CATEGORY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final Set<String> ICD10 =
            Set.of("http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-uk");
    private static final Set<String> INPATIENT = Set.of("IMP", "ACUTE", "NONAC");
    private static final List<String> ORDER =
            List.of("Organization", "Location", "Patient", "Encounter", "Condition", "Observation");

    @Override
    public String format() {
        return FORMAT;
    }

    private record Person(String id, String ref, String practice, LocalDate death) {}

    @Override
    public void translate(AdapterOptions options, Translating t) throws IOException, UnusableInputException {
        if (!Files.isDirectory(options.source())) {
            throw new UnusableInputException(
                    options.source().toString(),
                    0,
                    null,
                    "is not a folder",
                    "give the Bulk Data export folder holding Patient.000.ndjson, Condition, Encounter, ...");
        }
        Map<String, List<Path>> byType = filesByType(options.source());
        if (!byType.containsKey("Patient")) {
            throw new UnusableInputException(
                    options.source().toString(),
                    0,
                    null,
                    "has no Patient NDJSON file: not a FHIR Bulk Data export",
                    "give the export folder holding Patient.ndjson (or Patient.000.ndjson), Condition, Encounter, ...");
        }
        IParser parser = FhirContext.forR4().newJsonParser();
        WorkspacePseudonyms.Adapter ids = t.pseudonyms();

        Map<String, String> odsOfOrganization = new HashMap<>();
        each(
                byType,
                "Organization",
                parser,
                t,
                (Organization o, SourceRows.Row r) -> {
                    String ods = identifier(o.getIdentifier(), ODS_SYSTEM);
                    if (ods != null) {
                        odsOfOrganization.put(o.getIdElement().getIdPart(), ods);
                    }
                    t.tally().outOfScope("Organization", null, "read to resolve practices and providers");
                },
                Organization.class);
        each(
                byType,
                "Location",
                parser,
                t,
                (Resource l, SourceRows.Row r) ->
                        t.tally().outOfScope("Location", null, "no LSOA in a FHIR Location; read only"),
                Resource.class);

        Map<String, Person> people = new LinkedHashMap<>();
        each(
                byType,
                "Patient",
                parser,
                t,
                (Patient p, SourceRows.Row r) -> {
                    String nhs = identifier(p.getIdentifier(), NHS_NUMBER_SYSTEM);
                    String pid;
                    if (nhs != null) {
                        String[] problem = new String[1];
                        pid = ids.nhsNumber(nhs, problem);
                        if (pid == null) {
                            throw new SourceRows.BadField("identifier", nhs, "NHS number: " + problem[0]);
                        }
                    } else {
                        pid = ids.sourceId("fhir", p.getIdElement().getIdPart());
                        t.tally()
                                .defaulted(
                                        "Patient",
                                        PATIENT,
                                        "identifier",
                                        "no NHS number: keyed pseudonym of the resource id");
                        t.tally()
                                .policy(
                                        "Patient: without a UK Core NHS number (" + NHS_NUMBER_SYSTEM
                                                + ") a person gets a keyed "
                                                + "pseudonym of the resource id (HMAC with the workspace key); with one, the pseudonym a CSV ingest gives it");
                    }
                    if (p.getBirthDate() == null) {
                        throw new SourceRows.BadField("birthDate", null, "required value missing");
                    }
                    LocalDate birth = day(p.getBirthDate());
                    String sex =
                            switch (p.getGender() == null ? "" : p.getGender().toCode()) {
                                case "male" -> "M";
                                case "female" -> "F";
                                default -> "U";
                            };
                    LocalDate death = p.hasDeceasedDateTimeType()
                            ? day(p.getDeceasedDateTimeType().getValue())
                            : null;
                    String ethnicity = ethnicCategory(p);
                    if (ethnicity == null) {
                        t.tally().defaulted("Patient", PATIENT, "extension", "no UK Core ethnic category: not stated");
                    }
                    t.tally().defaulted("Patient", PATIENT, "address", "no LSOA in the source: area not known");
                    t.tally()
                            .policy(
                                    "Patient: FHIR addresses carry no LSOA; the area is left not known (counted in the ICB, "
                                            + "in no deprivation quintile)");
                    String practice = null;
                    for (Reference gp : p.getGeneralPractitioner()) {
                        String ods = gp.hasIdentifier()
                                        && ODS_SYSTEM.equals(gp.getIdentifier().getSystem())
                                ? gp.getIdentifier().getValue()
                                : odsOfOrganization.get(idOf(gp.getReference()));
                        if (ods != null && t.geography().hasPractice(ods)) {
                            practice = ods;
                        }
                    }
                    t.files()
                            .write(
                                    PATIENT,
                                    r.ref(),
                                    pid,
                                    sex,
                                    String.format("%04d-%02d", birth.getYear(), birth.getMonthValue()),
                                    ethnicity,
                                    null,
                                    death,
                                    null);
                    t.tally().translated("Patient", PATIENT);
                    people.put(p.getIdElement().getIdPart(), new Person(pid, r.ref(), practice, death));
                },
                Patient.class);

        Map<String, LocalDate> firstSeen = new HashMap<>();
        Map<String, Set<LocalDate>> erDays = new HashMap<>();
        each(
                byType,
                "Encounter",
                parser,
                null,
                (Encounter e, SourceRows.Row r) -> {
                    String who = idOf(e.getSubject().getReference());
                    if (e.getPeriod().getStart() != null && who != null) {
                        LocalDate start = day(e.getPeriod().getStart());
                        firstSeen.merge(who, start, (a, b) -> a.isBefore(b) ? a : b);
                        if ("EMER".equals(e.getClass_().getCode())) {
                            erDays.computeIfAbsent(who, k -> new HashSet<>()).add(start);
                        }
                    }
                },
                Encounter.class);
        t.tally()
                .policy("registration: FHIR has no registration period; a person is registered from their first "
                        + "encounter (or birth when they have none) to their death");
        people.forEach((source, p) -> {
            String practice = t.practice("Patient", REGISTRATION, p.practice());
            if (practice != null) {
                t.files()
                        .write(
                                REGISTRATION,
                                p.ref(),
                                p.id(),
                                practice,
                                firstSeen.getOrDefault(source, null),
                                p.death());
                t.tally().alsoTranslated("Patient", REGISTRATION);
            }
        });

        // A UK stay often carries its diagnoses as Encounter.diagnosis -> Condition coded in ICD-10 (HES-derived).
        Map<String, String> icd10OfCondition = new HashMap<>();
        each(
                byType,
                "Condition",
                parser,
                null,
                (Condition c, SourceRows.Row r) -> {
                    String code = icd10(c.getCode());
                    if (code != null) {
                        icd10OfCondition.put(c.getIdElement().getIdPart(), code);
                    }
                },
                Condition.class);
        each(
                byType,
                "Encounter",
                parser,
                t,
                (Encounter e, SourceRows.Row r) -> {
                    String cls = e.getClass_().getCode();
                    if (!INPATIENT.contains(cls)) {
                        t.tally().outOfScope("Encounter", "class", "not an inpatient encounter (class " + cls + ")");
                        return;
                    }
                    String who = idOf(e.getSubject().getReference());
                    Person p = people.get(who);
                    if (p == null) {
                        t.tally().unmapped("Encounter", "subject", "patient not in the export (or refused there)");
                        return;
                    }
                    if (e.getPeriod().getStart() == null) {
                        throw new SourceRows.BadField("period.start", null, "required value missing");
                    }
                    LocalDate admitted = day(e.getPeriod().getStart());
                    // The primary diagnosis: the first-ranked Encounter.diagnosis coded in ICD-10, else an ICD-10
                    // reason.
                    String icd10 = e.getDiagnosis().stream()
                            .sorted(java.util.Comparator.comparingInt(
                                    d -> d.hasRank() ? d.getRank() : Integer.MAX_VALUE))
                            .map(d -> icd10OfCondition.get(idOf(d.getCondition().getReference())))
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null);
                    for (CodeableConcept c : e.getReasonCode()) {
                        icd10 = icd10 != null ? icd10 : icd10(c);
                    }
                    Reference provider = e.getServiceProvider();
                    String ods = provider.hasIdentifier()
                                    && ODS_SYSTEM.equals(
                                            provider.getIdentifier().getSystem())
                            ? provider.getIdentifier().getValue()
                            : odsOfOrganization.get(idOf(provider.getReference()));
                    boolean emergency = erDays.getOrDefault(who, Set.of()).contains(admitted)
                            || (e.hasPriority()
                                    && e.getPriority().getCoding().stream().anyMatch(c -> "EM".equals(c.getCode())));
                    t.spell(
                            "Encounter",
                            r.ref(),
                            "fhir-" + e.getIdElement().getIdPart(),
                            p.id(),
                            ods,
                            emergency,
                            admitted,
                            e.getPeriod().getEnd() == null
                                    ? null
                                    : day(e.getPeriod().getEnd()),
                            icd10,
                            null);
                },
                Encounter.class);

        each(
                byType,
                "Condition",
                parser,
                t,
                (Condition c, SourceRows.Row r) -> {
                    Person p = people.get(idOf(c.getSubject().getReference()));
                    if (p == null) {
                        t.tally().unmapped("Condition", "subject", "patient not in the export (or refused there)");
                        return;
                    }
                    Set<String> registers = new java.util.LinkedHashSet<>();
                    String code = null;
                    for (Coding coding : c.getCode().getCoding()) {
                        if (SNOMED.equals(coding.getSystem())) {
                            code = code == null ? coding.getCode() : code;
                            registers.addAll(t.registers().ofCode(coding.getCode()));
                        }
                    }
                    Date onset =
                            c.hasOnsetDateTimeType() ? c.getOnsetDateTimeType().getValue() : c.getRecordedDate();
                    Date abated = c.hasAbatementDateTimeType()
                            ? c.getAbatementDateTimeType().getValue()
                            : null;
                    t.register(
                            "Condition",
                            r,
                            p.id(),
                            code,
                            registers,
                            onset == null ? null : day(onset),
                            abated == null ? null : day(abated));
                },
                Condition.class);

        each(
                byType,
                "Observation",
                parser,
                t,
                (Observation o, SourceRows.Row r) -> {
                    Person p = people.get(idOf(o.getSubject().getReference()));
                    if (p == null) {
                        t.tally().unmapped("Observation", "subject", "patient not in the export (or refused there)");
                        return;
                    }
                    LocalDate date = o.hasEffectiveDateTimeType()
                            ? day(o.getEffectiveDateTimeType().getValue())
                            : null;
                    if (!o.getComponent().isEmpty()) {
                        for (Observation.ObservationComponentComponent part : o.getComponent()) {
                            t.observation(
                                    "Observation",
                                    r.ref(),
                                    p.id(),
                                    loinc(part.getCode()),
                                    part.hasValueQuantity()
                                            ? part.getValueQuantity().getValue().toPlainString()
                                            : null,
                                    date);
                        }
                    } else {
                        t.observation(
                                "Observation",
                                r.ref(),
                                p.id(),
                                loinc(o.getCode()),
                                o.hasValueQuantity()
                                        ? o.getValueQuantity().getValue().toPlainString()
                                        : null,
                                date);
                    }
                },
                Observation.class);
        t.registersDone();

        for (Map.Entry<String, List<Path>> e : byType.entrySet()) {
            if (!ORDER.contains(e.getKey())) {
                for (Path f : e.getValue()) {
                    t.tally().outOfScope(e.getKey(), null, "no canonical table for it", lines(f));
                }
            }
        }
    }

    /** The export's NDJSON files by resource type, from their names ({@code Patient.000.ndjson}). */
    private static Map<String, List<Path>> filesByType(Path dir) throws IOException {
        Map<String, List<Path>> byType = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".ndjson") && !name.equals("log.ndjson")) {
                    byType.computeIfAbsent(name.substring(0, name.indexOf('.')), k -> new ArrayList<>())
                            .add(p);
                }
            }
        }
        return byType;
    }

    /**
     * Each resource of a type, parsed with HAPI; a line that is not a resource of that type is quarantined with
     * its file and line when {@code t} is given (the first pass over encounters only looks).
     */
    private static <R extends Resource> void each(
            Map<String, List<Path>> byType,
            String type,
            IParser parser,
            Translating t,
            BiConsumer<R, SourceRows.Row> action,
            Class<R> cls)
            throws IOException {
        for (Path file : byType.getOrDefault(type, List.of())) {
            String name = file.getFileName().toString();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    SourceRows.Row row = SourceRows.Row.of(name, n);
                    R resource;
                    try {
                        Resource parsed = (Resource) parser.parseResource(line);
                        if (!cls.isInstance(parsed) || !parsed.fhirType().equals(type) && cls != Resource.class) {
                            throw new WrongType("a " + parsed.fhirType() + " in the " + type + " file");
                        }
                        resource = cls.cast(parsed);
                    } catch (WrongType e) {
                        if (t != null) {
                            t.tally()
                                    .quarantine(
                                            type,
                                            name,
                                            n,
                                            "(row)",
                                            null,
                                            "not a FHIR R4 " + type + " resource: " + e.getMessage());
                        }
                        continue;
                    } catch (RuntimeException e) {
                        // The parser's own message can quote the line's content (an identifier), so it is not kept.
                        if (t != null) {
                            t.tally()
                                    .quarantine(
                                            type,
                                            name,
                                            n,
                                            "(row)",
                                            null,
                                            "not a FHIR R4 " + type + " resource: not valid FHIR JSON");
                        }
                        continue;
                    }
                    if (t == null) {
                        action.accept(resource, row);
                    } else {
                        R r = resource;
                        t.guard(row, type, () -> action.accept(r, row));
                    }
                }
            }
        }
    }

    /** A well-formed resource of another type than its file says. */
    private static final class WrongType extends RuntimeException {
        WrongType(String message) {
            super(message, null, false, false);
        }
    }

    private static long lines(Path f) throws IOException {
        try (Stream<String> s = Files.lines(f)) {
            return s.filter(l -> !l.isBlank()).count();
        }
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream()
                .filter(i -> system.equals(i.getSystem()) && i.getValue() != null)
                .map(Identifier::getValue)
                .findFirst()
                .orElse(null);
    }

    /** NHS ethnic category from the UK Core extension, when it holds a code of the data dictionary. */
    private static String ethnicCategory(Patient p) {
        for (Extension x : p.getExtension()) {
            if (ETHNIC_CATEGORY.equals(x.getUrl()) && x.getValue() instanceof CodeableConcept cc) {
                for (Coding c : cc.getCoding()) {
                    if (c.getCode() != null && CodeSets.ETHNICITY.codes().containsKey(c.getCode())) {
                        return c.getCode();
                    }
                }
            }
        }
        return null;
    }

    /** The concept's ICD-10 code (a coding of an ICD-10 system, shaped as ICD-10), or null. */
    private static String icd10(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (ICD10.contains(coding.getSystem())
                    && coding.getCode() != null
                    && CodeSets.ICD10.pattern().matcher(coding.getCode()).matches()) {
                return coding.getCode();
            }
        }
        return null;
    }

    private static String loinc(CodeableConcept code) {
        return code.getCoding().stream()
                .filter(c -> LOINC.equals(c.getSystem()))
                .map(Coding::getCode)
                .findFirst()
                .orElse(null);
    }

    /** The id in {@code Patient/abc}, {@code urn:uuid:abc} or {@code Organization?identifier=sys|abc}. */
    static String idOf(String reference) {
        if (reference == null) {
            return null;
        }
        int cut =
                Math.max(reference.lastIndexOf('/'), Math.max(reference.lastIndexOf(':'), reference.lastIndexOf('|')));
        return reference.substring(cut + 1);
    }

    /** The calendar day of a FHIR instant: the date the source wrote, in UTC (times are not used). */
    private static LocalDate day(Date d) {
        return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
