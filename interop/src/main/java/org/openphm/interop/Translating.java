package org.openphm.interop;

import static org.openphm.model.CanonicalSchema.CONDITION;
import static org.openphm.model.CanonicalSchema.OBSERVATION;
import static org.openphm.model.CanonicalSchema.SPELL;

import java.time.LocalDate;
import java.util.Set;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.model.Table;

/**
 * One adapter run: where the canonical rows go, the tally of source rows, and the mapping rules both formats
 * share (register entries, spells, observations, the default practice), so OMOP and FHIR land the same way.
 */
public final class Translating {
    /** ICD-10 R69X "Illness, unspecified": the stated diagnosis of a spell whose source has no ICD-10 code. */
    static final String NO_ICD10 = "R69X";
    /** The provider of a spell whose source names none. */
    static final String UNKNOWN_PROVIDER = "UNKNOWN";
    /** The treatment function of a spell whose source has none (NHS treatment function codes are UK-only). */
    static final String UNKNOWN_FUNCTION = "UNKNOWN";

    private final CanonicalFiles files;
    private final Tally tally = new Tally();
    private final WorkspacePseudonyms.Adapter pseudonyms;
    private final Geography geography;
    private final RegisterMap registers;
    private final String defaultPractice;
    private final RegisterEntries entries = new RegisterEntries();
    private LocalDate extractEnd = LocalDate.MAX;

    Translating(
            CanonicalFiles files,
            WorkspacePseudonyms.Adapter pseudonyms,
            Geography geography,
            RegisterMap registers,
            String defaultPractice) {
        this.files = files;
        this.pseudonyms = pseudonyms;
        this.geography = geography;
        this.registers = registers;
        this.defaultPractice = defaultPractice;
    }

    public CanonicalFiles files() {
        return files;
    }

    public Tally tally() {
        return tally;
    }

    public WorkspacePseudonyms.Adapter pseudonyms() {
        return pseudonyms;
    }

    public Geography geography() {
        return geography;
    }

    public RegisterMap registers() {
        return registers;
    }

    /** The end of the source's data: a registration running to it is still open. */
    public LocalDate extractEnd() {
        return extractEnd;
    }

    public void extractEnd(LocalDate end) {
        extractEnd = end;
    }

    /**
     * Runs one source row's mapping; a field that makes it unusable quarantines the row whole with its file,
     * line, field and reason instead of stopping the run.
     */
    public void guard(SourceRows.Row row, String sourceTable, Runnable mapping) {
        if (!row.complete()) {
            tally.quarantine(
                    sourceTable,
                    row.file(),
                    row.line(),
                    "(row)",
                    null,
                    "row has " + row.record().size()
                            + " fields, the header has more (truncated or missing separators)");
            return;
        }
        try {
            mapping.run();
        } catch (SourceRows.BadField e) {
            tally.quarantine(sourceTable, row.file(), row.line(), e.field, e.value, e.getMessage());
        } catch (NumberFormatException e) {
            tally.quarantine(
                    sourceTable, row.file(), row.line(), "(row)", null, "a number cannot be read: " + e.getMessage());
        }
    }

    /**
     * The practice to register a person with: theirs when the geography knows it, else the default practice
     * (counted), else null (counted as unmapped: the person is then in no registered population).
     */
    public String practice(String sourceTable, Table target, String theirs) {
        if (theirs != null && geography.hasPractice(theirs)) {
            return theirs;
        }
        if (defaultPractice != null) {
            tally.defaulted(
                    sourceTable, target, "practice", "no practice of the geography in the source: default practice");
            tally.policy("registration: a person whose source names no practice of the ICB's geography is registered "
                    + "with the default practice given by --default-practice");
            return defaultPractice;
        }
        tally.unmapped(
                sourceTable,
                "practice",
                "no practice of the geography in the source (give --default-practice" + " to register such people)");
        return null;
    }

    /** A condition record: onto every register its code is on, or counted as on none. */
    public void register(
            String sourceTable,
            SourceRows.Row row,
            String personId,
            String code,
            Set<String> registerIds,
            LocalDate start,
            LocalDate end) {
        if (start == null) {
            throw new SourceRows.BadField("start date", null, "required value missing");
        }
        tally.code(code, !registerIds.isEmpty());
        if (registerIds.isEmpty()) {
            tally.outOfScope(sourceTable, "code", "code on no register of the register map");
            return;
        }
        for (String register : registerIds) {
            entries.add(personId, register, start, end, row.ref());
        }
        tally.translated(sourceTable, CONDITION);
    }

    /** Writes the register entries gathered so far (call once, after the last condition). */
    public void registersDone() {
        entries.writeTo(files);
    }

    /** An inpatient stay, with the stated defaults for what a non-NHS source lacks. */
    public void spell(
            String sourceTable,
            String ref,
            String spellId,
            String personId,
            String provider,
            boolean emergency,
            LocalDate admitted,
            LocalDate discharged,
            String icd10,
            Double cost) {
        if (admitted == null) {
            throw new SourceRows.BadField("admission date", null, "required value missing");
        }
        if (icd10 == null) {
            tally.defaulted(
                    sourceTable, SPELL, "diagnosis", "no ICD-10 diagnosis in the source: R69X (illness, unspecified)");
            tally.policy("spell: a stay whose source has no ICD-10 diagnosis (SNOMED CT only) gets R69X, illness "
                    + "unspecified, so it counts as an admission but never as an avoidable (ACSC) one");
        }
        if (cost == null) {
            tally.defaulted(sourceTable, SPELL, "cost", "no cost in the source: 0");
            tally.policy("spell: a stay with no cost in the source costs 0 (spend figures then understate)");
        }
        if (provider == null) {
            tally.defaulted(sourceTable, SPELL, "provider", "no provider in the source: UNKNOWN");
        }
        tally.policy("spell: the treatment function is not in non-NHS sources: UNKNOWN; admission method is emergency "
                + "when the source says so (an ER visit on the admission day), otherwise other");
        files.write(
                SPELL,
                ref,
                spellId,
                personId,
                provider == null ? UNKNOWN_PROVIDER : provider,
                null,
                emergency ? "emergency" : "other",
                admitted,
                discharged,
                null,
                icd10 == null ? NO_ICD10 : icd10,
                null,
                null,
                UNKNOWN_FUNCTION,
                cost == null ? 0.0 : cost,
                null);
        tally.translated(sourceTable, SPELL);
    }

    /** A measurement: blood pressure, BMI or HbA1c by LOINC code, or counted as out of scope. */
    public void observation(
            String sourceTable, String ref, String personId, String loinc, String value, LocalDate date) {
        Vitals.Code code = Vitals.of(loinc);
        if (code == null) {
            tally.outOfScope(sourceTable, "code", "not a measurement of the model (BP, BMI, HbA1c)");
            return;
        }
        if (value == null) {
            tally.unmapped(sourceTable, "value", "no numeric value");
            return;
        }
        if (date == null) {
            throw new SourceRows.BadField("date", null, "required value missing");
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new SourceRows.BadField("value", value, "not a number");
        }
        files.write(OBSERVATION, ref, personId, code.canonical(), Vitals.value(code, v), date);
        tally.translated(sourceTable, OBSERVATION);
    }
}
