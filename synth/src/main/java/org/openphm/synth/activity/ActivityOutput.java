package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import org.openphm.model.CanonicalSchema;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/**
 * Where one person's activity rows go: writes them at once to the run's sinks (nothing is kept per person)
 * with the person's identifier in the canonical column order — person_id, or nhs_number when the sinks write
 * raw numbers — and numbers referrals and spells deterministically from the person's index so that
 * identifiers are unique and stable across runs.
 */
final class ActivityOutput {
    private final TableSinks sinks;
    private final SyntheticPerson person;
    private int referrals;
    private int spells;

    ActivityOutput(TableSinks sinks, SyntheticPerson person) {
        this.sinks = sinks;
        this.person = person;
    }

    /** Writes a referral and returns its identifier. */
    String referral(
            String dataset,
            String provider,
            String service,
            LocalDate referred,
            LocalDate firstContact,
            LocalDate discharged,
            String source,
            boolean accepted)
            throws IOException {
        String id = "R" + person.index() + "-" + (++referrals);
        sinks.of(CanonicalSchema.REFERRAL)
                .row(
                        id,
                        person.personKey(),
                        dataset,
                        provider,
                        service,
                        referred,
                        firstContact,
                        discharged,
                        source,
                        accepted);
        return id;
    }

    void spell(
            String provider,
            String site,
            String method,
            LocalDate admitted,
            LocalDate discharged,
            LocalDate dischargeReady,
            String primaryDiagnosis,
            String secondaryDiagnoses,
            String procedure,
            String treatmentFunction,
            double cost,
            String destination)
            throws IOException {
        String id = "S" + person.index() + "-" + (++spells);
        sinks.of(CanonicalSchema.SPELL)
                .row(
                        id,
                        person.personKey(),
                        provider,
                        site,
                        method,
                        admitted,
                        discharged,
                        dischargeReady,
                        primaryDiagnosis,
                        secondaryDiagnoses,
                        procedure,
                        treatmentFunction,
                        Math.round(cost * 100) / 100.0,
                        destination);
    }

    /**
     * Records, when a ceiling file was requested, the emergency admissions the generator expects for the person
     * in the exposure: the Poisson mean of every emergency stream, so P(one or more) = 1 - exp(-mean).
     */
    void expectedEmergencies(Exposure x, double expected) throws IOException {
        if (sinks.ceiling() != null) {
            sinks.ceiling().row(person.personKey(), x.year().label(), expected, -Math.expm1(-expected));
        }
    }

    void detention(LocalDate start, String section, LocalDate end) throws IOException {
        sinks.of(CanonicalSchema.DETENTION).row(person.personKey(), start, section, end);
    }

    void waiting(LocalDate snapshot, String provider, String service, LocalDate waitStart) throws IOException {
        sinks.of(CanonicalSchema.WAITING_ENTRY).row(snapshot, provider, service, person.personKey(), waitStart);
    }
}
