package org.openphm.synth.population;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openphm.model.CanonicalSchema;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/** Writes a drawn person's rows of the population tables: patient, registration, condition, observation. */
public final class PersonRows {
    private PersonRows() {}

    public static void write(DrawnPerson d, TableSinks sinks) throws IOException {
        SyntheticPerson p = d.person();
        sinks.of(CanonicalSchema.PATIENT)
                .row(p.personKey(), p.sex(), p.birthMonth(), p.ethnicity(), p.lsoa(), p.deathDate(), d.deathCause());
        sinks.of(CanonicalSchema.REGISTRATION)
                .row(p.personKey(), p.practiceCode(), p.registeredFrom(), p.registeredTo());
        // An episode replaces the open entry of the same register and date (obesity's first obese reading).
        Set<String> episodic = new HashSet<>();
        for (DrawnPerson.Episode e : d.episodes()) {
            episodic.add(e.condition() + "|" + e.diagnosed());
            sinks.of(CanonicalSchema.CONDITION).row(p.personKey(), e.condition(), e.diagnosed(), e.resolved());
        }
        for (Map.Entry<String, LocalDate> c : p.conditions().entrySet()) {
            if (!episodic.contains(c.getKey() + "|" + c.getValue())) {
                sinks.of(CanonicalSchema.CONDITION).row(p.personKey(), c.getKey(), c.getValue(), null);
            }
        }
        for (DrawnPerson.Observation o : d.observations()) {
            sinks.of(CanonicalSchema.OBSERVATION).row(p.personKey(), o.code(), o.value(), o.date());
        }
    }
}
