package org.openphm.synth.population;

import java.util.List;
import org.openphm.synth.SyntheticPerson;

/**
 * A person as the population model drew them: the contract record handed to activity models, plus the
 * rows only the population tables need.
 *
 * @param kind           resident on the reference date, leaver before it, or joiner after it
 * @param deathCause     ICD-10 underlying cause when the person died, else null
 * @param observations   measurements, oldest first
 * @param latent         the latent health draw on the normal scale (person.health() is exp(0.5 * latent))
 */
public record DrawnPerson(SyntheticPerson person, PopulationFlow.Kind kind, String deathCause,
                          List<Observation> observations, double latent) {

    public record Observation(String code, double value, java.time.LocalDate date) {}
}
