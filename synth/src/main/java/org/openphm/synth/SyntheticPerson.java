package org.openphm.synth;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * One synthetic person as the population model made them: the contract between the population generator
 * (who the person is, their health) and the activity model (what services they use).
 *
 * @param index          the person's number: their position in the generated population, 0-based, counted on from
 *                       SynthOptions#firstPerson when several populations are generated together; identifiers of
 *                       their activity are built from it
 * @param personKey      the identifier written to every patient-level file (an NHS number or a person_id)
 * @param imdDecile      IMD decile of the LSOA of residence, 1 = most deprived
 * @param health         latent health state: 0 = very healthy; larger = sicker. It drives conditions and use
 *                       together, so that analyses find correlations rather than having them written in
 * @param conditions     register id -> diagnosis date, for registers the person is on (or has been on)
 * @param registeredFrom first day registered with an ICB practice
 * @param registeredTo   last day registered (moved away or died), or null if still registered
 */
public record SyntheticPerson(
        long index,
        String personKey,
        String sex,
        YearMonth birthMonth,
        String ethnicity,
        String lsoa,
        int imdDecile,
        String placeCode,
        String practiceCode,
        double health,
        Map<String, LocalDate> conditions,
        LocalDate deathDate,
        LocalDate registeredFrom,
        LocalDate registeredTo) {

    /** Age in whole years on a date, counting from the first of the birth month (birth day is not published). */
    public int ageOn(LocalDate date) {
        LocalDate born = birthMonth.atDay(1);
        int age = date.getYear() - born.getYear();
        if (date.getDayOfYear() < born.withYear(date.getYear()).getDayOfYear()) {
            age--;
        }
        return age;
    }

    /** Whether the person is alive and registered on a date. */
    public boolean registeredOn(LocalDate date) {
        return !date.isBefore(registeredFrom)
                && (registeredTo == null || !date.isAfter(registeredTo))
                && (deathDate == null || date.isBefore(deathDate));
    }

    /** The registers are held as {@link RegisterDates}, which answer {@link #hasCondition} without hashing. */
    public SyntheticPerson {
        conditions = RegisterDates.of(conditions);
    }

    public boolean hasCondition(String register, LocalDate onDate) {
        return ((RegisterDates) conditions).onOn(register, onDate);
    }
}
