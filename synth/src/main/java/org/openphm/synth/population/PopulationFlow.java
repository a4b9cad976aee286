package org.openphm.synth.population;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openphm.synth.Days;

/**
 * How the registered population turns over between 1 April 2019 and 31 March 2026, as a steadily growing
 * population with constant joining and leaving rates. A run of N people generates three kinds of person so
 * that exactly N are registered on the reference date 31 March 2025 (DP 1.2) without keeping any state:
 * <ul>
 *   <li>index 0 .. N-1, <b>residents</b>: registered on the reference date; joined Exp(j) years before it
 *       (or at birth), may die or move away in 2025/26;</li>
 *   <li>the next {@link #leavers()}, <b>leavers</b>: died or moved away between 1 Apr 2019 and the reference
 *       date, at a time whose density grows with the population;</li>
 *   <li>the last {@link #joiners()}, <b>joiners</b>: born or moved in during 2025/26.</li>
 * </ul>
 * In a population growing at rate r with leaving rate l, the time since joining of those present is
 * exponential with rate j = r + l, which is what makes the three kinds consistent (CALIBRATION.md).
 */
public final class PopulationFlow {
    public static final LocalDate WINDOW_START = LocalDate.of(2019, 4, 1);
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 3, 31);
    public static final LocalDate WINDOW_END = LocalDate.of(2026, 3, 31);
    /** Years from the window start to the reference date. */
    static final double YEARS_BEFORE = 6.0;

    /** DP 1.2: registered population +6.1% in the five years since the end of 2019/20. */
    static final double GROWTH = Math.log(1.061) / 5.0;
    /**
     * Moving away (out of the ICB, off the list): 5% a year, an assumption in line with GP list turnover; it
     * sets how many people were ever registered, not any DP figure.
     */
    static final double OUT_MIGRATION = 0.05;
    /**
     * Crude death rate per year. DP 4.5: 7,652 deaths in 2024/25 among 1,139,000 registered; dividing by the
     * mean population over the year (growth r) gives the rate.
     */
    static final double DEATH_RATE = 7652.0 / 1_139_000.0 / ((1 - Math.exp(-GROWTH)) / GROWTH);
    /** Births per person-year (England ~1.05%, BLMK's population younger): share of joiners who are born. */
    static final double BIRTH_RATE = 0.0118;

    static final double JOIN_RATE = GROWTH + OUT_MIGRATION + DEATH_RATE;

    /**
     * Rate of the exponential time since joining drawn for residents aged 5 and over. Children can have
     * joined no earlier than birth, which shortens the durations of the young; those aged 5+ must carry
     * the rest so that exactly e^(-5j) of today's residents were already registered five years ago, as the
     * growing-population identity requires (this is what makes the +6.1% of DP 1.2 come out).
     */
    static double residentDurationRate(double under5Share) {
        return -Math.log(Math.exp(-5 * JOIN_RATE) / (1 - under5Share)) / 5;
    }

    public enum Kind {
        RESIDENT,
        LEAVER,
        JOINER
    }

    private final long residents;
    private final long leavers;
    private final long joiners;

    public PopulationFlow(long registeredOnReferenceDate) {
        this.residents = registeredOnReferenceDate;
        double r = GROWTH;
        this.leavers = Math.round(residents * (OUT_MIGRATION + DEATH_RATE) * (1 - Math.exp(-r * YEARS_BEFORE)) / r);
        this.joiners = Math.round(residents * JOIN_RATE * (Math.exp(r) - 1) / r);
    }

    public long total() {
        return residents + leavers + joiners;
    }

    public long residents() {
        return residents;
    }

    public long leavers() {
        return leavers;
    }

    public long joiners() {
        return joiners;
    }

    public Kind kindOf(long index) {
        return index < residents ? Kind.RESIDENT : index < residents + leavers ? Kind.LEAVER : Kind.JOINER;
    }

    /** A time (years from the reference date) in [from, to) with density proportional to the population size. */
    static double growthWeightedTime(double u, double from, double to) {
        double r = GROWTH;
        double a = Math.exp(r * from);
        double b = Math.exp(r * to);
        return Math.log(a + u * (b - a)) / r;
    }

    /** The date t years after the reference date. */
    static LocalDate date(double t) {
        return Days.plus(REFERENCE_DATE, Math.round(t * 365.25));
    }

    /** Years from the reference date to a date. */
    static double years(LocalDate d) {
        return ChronoUnit.DAYS.between(REFERENCE_DATE, d) / 365.25;
    }
}
