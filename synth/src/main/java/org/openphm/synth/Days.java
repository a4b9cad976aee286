package org.openphm.synth;

import java.time.LocalDate;

/**
 * The dates generation works with, made once. Every person's diagnoses, registration, exposures and events are
 * dates computed from day numbers, tens of them a person; building each LocalDate anew (its year, month and day
 * from the day number) was a tenth of generation's time. The table covers every birth of a living person to
 * well past the data; a day outside it is made as before.
 */
public final class Days {
    private static final long FIRST = LocalDate.of(1880, 1, 1).toEpochDay();
    private static final LocalDate[] TABLE =
            new LocalDate[(int) (LocalDate.of(2060, 1, 1).toEpochDay() - FIRST)];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = LocalDate.ofEpochDay(FIRST + i);
        }
    }

    private Days() {}

    /** The date of an epoch day (days since 1 January 1970). */
    public static LocalDate of(long epochDay) {
        long i = epochDay - FIRST;
        return i >= 0 && i < TABLE.length ? TABLE[(int) i] : LocalDate.ofEpochDay(epochDay);
    }

    /** {@code date.plusDays(days)}. */
    public static LocalDate plus(LocalDate date, long days) {
        return of(date.toEpochDay() + days);
    }
}
