package org.openphm.synth.population;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/** Writes a drawn person's rows of the population tables: patient, registration, condition, observation. */
public final class PersonRows {
    private PersonRows() {}

    public static void write(DrawnPerson d, TableSinks sinks) throws IOException {
        SyntheticPerson p = d.person();
        sinks.of(CanonicalSchema.PATIENT).row(p.personKey(), p.sex(), p.birthMonth(), p.ethnicity(), p.lsoa(),
                p.deathDate(), d.deathCause());
        sinks.of(CanonicalSchema.REGISTRATION).row(p.personKey(), p.practiceCode(), p.registeredFrom(),
                p.registeredTo());
        for (Map.Entry<String, LocalDate> c : p.conditions().entrySet()) {
            sinks.of(CanonicalSchema.CONDITION).row(p.personKey(), c.getKey(), c.getValue(), null);
        }
        for (DrawnPerson.Observation o : d.observations()) {
            sinks.of(CanonicalSchema.OBSERVATION).row(p.personKey(), o.code(), o.value(), o.date());
        }
    }
}
