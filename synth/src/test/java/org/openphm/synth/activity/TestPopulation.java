package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.CsvTableWriter;
import org.openphm.synth.SyntheticPerson;

/**
 * A small test-only person source, standing in for the people model until it lands: Place, age and sex from
 * the reference population, ethnicity from the assumed mix, deprivation evenly spread, latent health gamma
 * with mean 1, registers drawn from the reference prevalence curves tilted by health, Gompertz deaths and
 * some moves in and out. It exercises the activity model; it does not validate the people model.
 */
final class TestPopulation {

    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 3, 31);

    private final ReferencePopulation reference = new ReferencePopulation();
    private final double[][] strata; // {place ordinal, female, age, cumulative weight}
    private final double[][] deathStrata;
    private final String[] ethnicCodes = PersonRisk.ETHNIC_MIX.keySet().toArray(new String[0]);
    private final double[] ethnicWeights = new double[ethnicCodes.length];

    TestPopulation() {
        int n = Place.values().length * 2 * (ReferencePopulation.MAX_AGE + 1);
        strata = new double[n][];
        deathStrata = new double[n][];
        double cumulative = 0, deaths = 0;
        int i = 0;
        for (Place p : Place.values()) {
            for (int sex = 0; sex < 2; sex++) {
                for (int a = 0; a <= ReferencePopulation.MAX_AGE; a++) {
                    double persons = reference.persons(new ReferencePopulation.Stratum(p, sex == 1, a));
                    cumulative += persons;
                    deaths += persons * hazard(a);
                    strata[i] = new double[] {p.ordinal(), sex, a, cumulative};
                    deathStrata[i++] = new double[] {p.ordinal(), sex, a, deaths};
                }
            }
        }
        for (int e = 0; e < ethnicCodes.length; e++) {
            ethnicWeights[e] = PersonRisk.ETHNIC_MIX.get(ethnicCodes[e]);
        }
    }

    /** Moving away per year, and joining (growth + leaving) per year: a stationary-ish turnover, as the people model. */
    static final double MOVE_RATE = 0.05, JOIN_RATE = 0.068;

    /**
     * People to generate so that {@code registered} are registered on the reference date: those plus the
     * leavers who died or moved away since 1 April 2019 (about 5.7% a year for six years).
     */
    static long total(long registered) {
        return registered + Math.round(registered * (MOVE_RATE + yearlyDeaths()) * 6);
    }

    /** Gompertz hazard of death at an age (doubling every 7 years, 7% a year at 80), before health. */
    static double hazard(int age) { return 0.00002 * Math.exp(0.1 * age); }

    /** Crude death rate the hazard implies over the reference population (about DP 4.5's 7,652 / 1,139,000). */
    static double yearlyDeaths() { return DEATH_RATE; }

    private static final double DEATH_RATE;
    static {
        ReferencePopulation r = new ReferencePopulation();
        DEATH_RATE = r.expected(s -> hazard(s.age())) / ReferencePopulation.TOTAL;
    }

    /**
     * Person {@code index}: below {@code registered}, a resident on the reference date (who may die or leave in
     * 2025/26); above, a leaver who died or moved away at a uniform time between 1 April 2019 and the reference
     * date, at an age drawn from the reference population (weighted by a Gompertz hazard for deaths). So every
     * year's registered population has roughly the reference structure, as the people model's flow does.
     */
    SyntheticPerson person(long index, long registered, SplittableRandom rng) {
        boolean leaver = index >= registered;
        boolean dies = leaver && rng.nextDouble() < yearlyDeaths() / (yearlyDeaths() + MOVE_RATE);
        int[] drawn = drawStratum(rng, dies);
        Place place = Place.values()[drawn[0]];
        boolean female = drawn[1] == 1;
        int age = drawn[2];
        LocalDate anchor = leaver ? Draws.dateBetween(rng, FinancialYear.DATA_START, REFERENCE_DATE) : REFERENCE_DATE;
        YearMonth birth = YearMonth.from(anchor).minusMonths(age * 12L + rng.nextInt(12));
        double health = Math.exp(0.5 * Draws.gaussian(rng)); // the people model's shape: exp(0.5 × latent)
        Map<String, LocalDate> conditions = new HashMap<>();
        for (String register : ReferencePopulation.REGISTERS.keySet()) {
            double p = reference.prevalence(register, age) * health / PersonRisk.HEALTH_MEAN;
            if (rng.nextDouble() < p) {
                LocalDate earliest = birth.atDay(1).plusYears(ReferencePopulation.REGISTERS.get(register).minAge());
                conditions.put(register, Draws.dateBetween(rng, earliest.isAfter(anchor) ? anchor : earliest, anchor));
            }
        }
        LocalDate from = anchor.minusDays(Draws.exponentialDays(rng, 365.25 / JOIN_RATE));
        if (from.isBefore(birth.atDay(1))) {
            from = birth.atDay(1);
        }
        LocalDate death = null, to = null;
        if (leaver) {
            to = anchor;
            death = dies ? anchor : null;
        } else {
            double yearlyDeath = hazard(age) * health / PersonRisk.HEALTH_MEAN;
            if (rng.nextDouble() < yearlyDeath) {
                death = Draws.dateBetween(rng, REFERENCE_DATE.plusDays(1), FinancialYear.DATA_END);
                to = death;
            } else if (rng.nextDouble() < MOVE_RATE) {
                to = Draws.dateBetween(rng, REFERENCE_DATE.plusDays(1), FinancialYear.DATA_END);
            }
        }
        String ethnicity = ethnicCodes[Draws.pick(rng, ethnicWeights)];
        int decile = 1 + rng.nextInt(10);
        return new SyntheticPerson(index, "P" + index, female ? "F" : "M", birth, ethnicity.equals("Z") ? null : ethnicity,
                "E01000001", decile, place.code, "A00001", health, conditions, death, from, to);
    }

    /** {place, female, age} from the reference population; for deaths weighted by a Gompertz hazard. */
    private int[] drawStratum(SplittableRandom rng, boolean death) {
        double[][] table = death ? deathStrata : strata;
        double u = rng.nextDouble() * table[table.length - 1][3];
        int lo = 0, hi = table.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (table[mid][3] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new int[] {(int) table[lo][0], (int) table[lo][1], (int) table[lo][2]};
    }

    static final java.util.List<String> PERSON_HEADER = java.util.List.of("person_id", "sex", "birth_date",
            "ethnicity", "place", "registered_from", "registered_to", "death_date", "smi");

    static void writePerson(CsvTableWriter w, SyntheticPerson p) throws IOException {
        w.row(p.personKey(), p.sex(), p.birthMonth().atDay(1), p.ethnicity(), p.placeCode(), p.registeredFrom(),
                p.registeredTo(), p.deathDate(), p.conditions().containsKey("SMI"));
    }

}
