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
 * @param episodes       register entries that end (obesity: a BMI over the threshold in the last 12 months;
 *                       resolved depression); an episode replaces person.conditions()' entry of the same
 *                       register and date
 */
public record DrawnPerson(
        SyntheticPerson person,
        PopulationFlow.Kind kind,
        String deathCause,
        List<Observation> observations,
        double latent,
        List<Episode> episodes) {

    public record Observation(String code, double value, java.time.LocalDate date) {}

    /** On a register from diagnosed until resolved (null: still on it at the end of the data). */
    public record Episode(String condition, java.time.LocalDate diagnosed, java.time.LocalDate resolved) {}
}
