package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import org.openphm.model.CanonicalSchema;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/**
 * Where one person's activity rows go: writes them at once (nothing is kept per person) with the person's
 * identifier in the canonical column order, and numbers referrals and spells deterministically from the
 * person's index so that identifiers are unique and stable across runs.
 */
final class ActivityOutput {
    private final ActivityWriters writers;
    private final TableSinks sinks;
    private final SyntheticPerson person;
    private int referrals;
    private int spells;

    ActivityOutput(ActivityWriters writers, TableSinks sinks, SyntheticPerson person) {
        this.writers = writers;
        this.sinks = sinks;
        this.person = person;
    }

    /** Writes a referral and returns its identifier. */
    String referral(String dataset, String provider, String service, LocalDate referred, LocalDate firstContact,
                    LocalDate discharged, String source, boolean accepted) throws IOException {
        String id = "R" + person.index() + "-" + (++referrals);
        writers.of(CanonicalSchema.REFERRAL, sinks).row(id, person.personKey(), dataset, provider, service, referred,
                firstContact, discharged, source, accepted);
        return id;
    }

    void spell(String provider, String site, String method, LocalDate admitted, LocalDate discharged,
               LocalDate dischargeReady, String primaryDiagnosis, String secondaryDiagnoses, String procedure,
               String treatmentFunction, double cost, String destination) throws IOException {
        String id = "S" + person.index() + "-" + (++spells);
        writers.of(CanonicalSchema.SPELL, sinks).row(id, person.personKey(), provider, site, method, admitted,
                discharged, dischargeReady, primaryDiagnosis, secondaryDiagnoses, procedure, treatmentFunction,
                Math.round(cost * 100) / 100.0, destination);
    }

    void detention(LocalDate start, String section, LocalDate end) throws IOException {
        writers.of(CanonicalSchema.DETENTION, sinks).row(person.personKey(), start, section, end);
    }

    void waiting(LocalDate snapshot, String provider, String service, LocalDate waitStart) throws IOException {
        writers.of(CanonicalSchema.WAITING_ENTRY, sinks).row(snapshot, provider, service, person.personKey(),
                waitStart);
    }
}
