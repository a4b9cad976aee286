package org.openphm.synth.activity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.openphm.synth.SyntheticPerson;

/**
 * How a spell ends, given the drawn stay: on the drawn day; on the day of death if the person dies first
 * (destination 79, "not applicable – patient died"); on the last day of registration if they leave the ICB;
 * or not yet, if the stay runs past the end of the data (discharge date empty).
 *
 * @param date the discharge date, or null when still in hospital at the end of the data
 * @param stay the days in hospital up to the discharge (or to the end of the data)
 */
record Discharge(LocalDate date, int stay, boolean died) {

    /** NHS Data Dictionary discharge destinations: usual residence, care home, NHS hospital, died. */
    static final String HOME = "19", CARE_HOME = "54", OTHER_HOSPITAL = "51", DIED = "79";

    static Discharge of(SyntheticPerson person, LocalDate admitted, int stay) {
        LocalDate planned = admitted.plusDays(stay);
        LocalDate death = person.deathDate();
        if (death != null && !death.isAfter(planned)) {
            return new Discharge(death, (int) ChronoUnit.DAYS.between(admitted, death), true);
        }
        if (person.registeredTo() != null && planned.isAfter(person.registeredTo())) {
            planned = person.registeredTo().isBefore(admitted) ? admitted : person.registeredTo();
        }
        if (planned.isAfter(ActivitySpan.DATA_END)) {
            return new Discharge(null, (int) ChronoUnit.DAYS.between(admitted, ActivitySpan.DATA_END), false);
        }
        return new Discharge(planned, (int) ChronoUnit.DAYS.between(admitted, planned), false);
    }

    String destination(SplittableRandom rng, int age) {
        if (died) {
            return DIED;
        }
        if (date == null) {
            return null;
        }
        double u = rng.nextDouble();
        if (age >= 80 && u < 0.08) {
            return CARE_HOME;
        }
        return u > 0.98 ? OTHER_HOSPITAL : HOME;
    }
}
