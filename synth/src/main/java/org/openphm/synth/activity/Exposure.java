package org.openphm.synth.activity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openphm.model.FinancialYear;
import org.openphm.synth.Days;
import org.openphm.synth.SyntheticPerson;

/**
 * The part of one financial year in which a person can use services — alive and registered — with their age
 * then. Events are drawn only inside it, and follow-on dates (contacts, discharges) stop at {@code lastDay},
 * so nothing happens after death or outside registration.
 *
 * @param mid     the middle day of from to to, at which a model asks whether the person is on a register
 * @param lastDay the last day the person is alive and registered within the data (up to 31 Mar 2026)
 */
record Exposure(
        FinancialYear year, LocalDate from, LocalDate to, LocalDate mid, int age, double years, LocalDate lastDay) {

    /** The exposure of a person in a year, or null if they were not registered and alive in it. */
    static Exposure of(SyntheticPerson person, FinancialYear year) {
        LocalDate lastDay = lastDay(person);
        LocalDate from = max(year.start(), person.registeredFrom());
        LocalDate to = min(year.end(), lastDay);
        if (to.isBefore(from)) {
            return null;
        }
        LocalDate mid = middle(from, to);
        int age = person.ageOn(mid);
        if (age < 0) {
            // born during the year: exposure starts at birth
            from = max(from, person.birthMonth().atDay(1));
            if (to.isBefore(from)) {
                return null;
            }
            age = 0;
            mid = middle(from, to);
        }
        double years = (ChronoUnit.DAYS.between(from, to) + 1) / 365.25;
        return new Exposure(year, from, to, mid, age, years, lastDay);
    }

    private static LocalDate middle(LocalDate from, LocalDate to) {
        return Days.plus(from, (to.toEpochDay() - from.toEpochDay()) / 2);
    }

    static LocalDate lastDay(SyntheticPerson person) {
        LocalDate last = ActivitySpan.DATA_END;
        if (person.registeredTo() != null) {
            last = min(last, person.registeredTo());
        }
        if (person.deathDate() != null) {
            last = min(last, person.deathDate().minusDays(1));
        }
        return last;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
