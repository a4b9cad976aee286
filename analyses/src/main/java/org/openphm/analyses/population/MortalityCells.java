package org.openphm.analyses.population;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countIf;
import static org.openphm.engine.query.Measure.countRows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.analyses.indicator.PersonYears;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Deaths and mid-year registered population, by financial year, neighbourhood (with its Place and ICB), sex, age
 * band, IMD decile and whether the person was on the SMI register: the counts behind life expectancy and
 * all-cause mortality (DP 2.4), its slope index of inequality (DP 4.1), SMI premature mortality (DP 4.2) and
 * predicted deaths (DP 4.5). Aggregated in the engine — one grouped query for the deaths of every year and one
 * for the population of every year ({@link PersonYears}) — so only a few thousand cells reach Java.
 *
 * <p>As Fingertips, a rate is deaths in the year over the population in the middle of it: deaths are placed in
 * the area of the practice the person was registered with on the day they died ({@link EventAttribution}), the
 * population is the registered population on 30 September. A person's SMI status is the register's on that day.
 */
public final class MortalityCells {

    /**
     * Lower bounds of the age bands: the 20 Fingertips life-expectancy bands (0, 1-4, 5-9, … 90+) with 15-19 split
     * at 18, so that the 18-74 age range of DP 4.2 is exact.
     */
    public static final List<Integer> BAND_STARTS =
            List.of(0, 1, 5, 10, 15, 18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);

    public record Cell(
            FinancialYear year,
            String neighbourhood,
            String place,
            String icb,
            String sex,
            int bandStart,
            String imdDecile,
            boolean smi,
            double deaths,
            double population,
            double suicides) {

        /** A cell with no deaths from suicide recorded (all-cause measures need none). */
        public Cell(
                FinancialYear year,
                String neighbourhood,
                String place,
                String icb,
                String sex,
                int bandStart,
                String imdDecile,
                boolean smi,
                double deaths,
                double population) {
            this(year, neighbourhood, place, icb, sex, bandStart, imdDecile, smi, deaths, population, 0);
        }
    }

    /** Everything about a cell except its age band and counts: what the measures select on. */
    public record Stratum(
            FinancialYear year,
            String neighbourhood,
            String place,
            String icb,
            String sex,
            String imdDecile,
            boolean smi) {}

    private final List<Cell> cells;
    /** The cells folded into strata once, so each measure sums a few thousand band arrays, not every cell. */
    private final Map<Stratum, Bands> strata = new LinkedHashMap<>();

    private MortalityCells(List<Cell> cells) {
        this.cells = List.copyOf(cells);
        for (Cell c : cells) {
            Bands b = strata.computeIfAbsent(
                    new Stratum(c.year(), c.neighbourhood(), c.place(), c.icb(), c.sex(), c.imdDecile(), c.smi()),
                    k -> Bands.empty());
            int i = BAND_STARTS.indexOf(c.bandStart());
            b.deaths()[i] += c.deaths();
            b.population()[i] += c.population();
            b.suicides()[i] += c.suicides();
        }
    }

    /** Deaths and population by age band of every stratum. */
    public Map<Stratum, Bands> strata() {
        return java.util.Collections.unmodifiableMap(strata);
    }

    public static MortalityCells of(List<Cell> cells) {
        return new MortalityCells(cells);
    }

    public List<Cell> cells() {
        return cells;
    }

    public static MortalityCells count(Engine engine, List<FinancialYear> years) {
        List<Cell> out = new ArrayList<>();
        for (List<FinancialYear> run : PersonYears.consecutiveRuns(years)) {
            Result r = engine.execute(population(run));
            for (int i = 0; i < r.size(); i++) {
                FinancialYear y = run.get(r.getLong(i, PersonYears.YEAR).intValue());
                out.add(cell(r, i, y, 0, r.getLong(i, "people"), 0));
            }
        }
        Result d = engine.execute(
                deaths(years.get(0).start(), years.get(years.size() - 1).end()));
        for (int i = 0; i < d.size(); i++) {
            out.add(cell(
                    d,
                    i,
                    FinancialYear.parse(d.getString(i, "fy")),
                    d.getLong(i, "deaths"),
                    0,
                    d.getLong(i, "suicides")));
        }
        return new MortalityCells(out);
    }

    /** 30 September: the middle of the financial year, the date of its population. */
    public static LocalDate midYear(FinancialYear y) {
        return LocalDate.of(y.startYear(), 9, 30);
    }

    static final List<String> GRAIN =
            List.of("neighbourhood_code", "place_code", "icb_code", "sex", "band", "imd_decile", "smi");

    /**
     * The mid-year registered population of consecutive years in one query, by {@link PersonYears#YEAR} and
     * {@link #GRAIN}. At ten million people, one query a year took 24-32 s each: every year repeated the same joins.
     */
    static Query population(List<FinancialYear> run) {
        int n = run.size();
        List<LocalDate> days = run.stream().map(MortalityCells::midYear).toList();
        // per person and year, the SMI entries that hold on the year's day: diagnosed by it and not resolved by it
        List<Measure> onRegister = new ArrayList<>();
        for (int y = 0; y < n; y++) {
            Expr day = lit(days.get(y));
            onRegister.add(countIf(
                    "smi_" + y,
                    and(
                            col("diagnosis_date").le(day),
                            or(
                                    isNull(col("resolved_date")),
                                    col("resolved_date").gt(day)))));
        }
        Query smi = Query.from(CanonicalSchema.CONDITION)
                .where(col("condition").eq("SMI"))
                .aggregate(List.of("person_id"), onRegister.toArray(Measure[]::new));
        List<String> keys = new ArrayList<>(List.of(PersonYears.YEAR));
        keys.addAll(GRAIN);
        return PersonYears.on(
                        run,
                        MortalityCells::midYear,
                        List.of(smi),
                        Named.as("smi_entries", PersonYears.ofYear(n, y -> col("smi_" + y))))
                .derive(
                        Named.as("band", ageBand(col("age"), BAND_STARTS.toArray(Integer[]::new))),
                        Named.as("smi", coalesce(col("smi_entries"), lit(0L)).gt(lit(0L))))
                .aggregate(keys, countRows("people"));
    }

    static Query deaths(LocalDate from, LocalDate to) {
        Query died = Query.from(CanonicalSchema.PATIENT)
                .where(and(
                        isNotNull(col("death_date")),
                        col("death_date").ge(lit(from)),
                        col("death_date").le(lit(to))))
                .select("person_id", "death_date", "death_cause_icd10");
        // On the SMI register on the day of death: diagnosed by then and not resolved before it.
        Query smiAtDeath = died.join(
                        Query.from(CanonicalSchema.CONDITION)
                                .where(col("condition").eq("SMI"))
                                .select("person_id", "diagnosis_date", "resolved_date"),
                        "person_id")
                .where(and(
                        col("diagnosis_date").le(col("death_date")),
                        or(isNull(col("resolved_date")), col("resolved_date").gt(col("death_date")))))
                .aggregate(List.of("person_id"), countRows("smi_flag"));
        List<String> keys = new ArrayList<>(GRAIN);
        keys.add("fy");
        return withDecile(EventAttribution.at(died, "person_id", "death_date"))
                .leftJoin(smiAtDeath, "person_id")
                .derive(
                        Named.as("band", ageBand(col("age"), BAND_STARTS.toArray(Integer[]::new))),
                        Named.as("smi", isNotNull(col("smi_flag"))),
                        Named.as("fy", financialYear(col("death_date"))))
                .aggregate(
                        keys,
                        countRows("deaths"),
                        countIf("suicides", Suicide.cause(col("death_cause_icd10"), col("age"))));
    }

    /** Adds the person's IMD decile (RegisteredPopulation carries quintiles only; DP 4.1 needs deciles). */
    static Query withDecile(Query people) {
        Query decile = Query.from(CanonicalSchema.PATIENT)
                .select(Named.as("person_id", col("person_id")), Named.as("decile_lsoa", col("lsoa")))
                .leftJoin(
                        Query.from(CanonicalSchema.LSOA)
                                .select(
                                        Named.as("decile_lsoa", col("lsoa_code")),
                                        Named.as("lsoa_decile", cast(col("imd_decile"), ValueType.STRING))),
                        "decile_lsoa")
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("imd_decile", coalesce(col("lsoa_decile"), lit(RegisteredPopulation.UNKNOWN_DECILE))));
        return people.join(decile, "person_id");
    }

    private static Cell cell(Result r, int i, FinancialYear y, long deaths, long people, long suicides) {
        String band = r.getString(i, "band");
        return new Cell(
                y,
                r.getString(i, "neighbourhood_code"),
                r.getString(i, "place_code"),
                r.getString(i, "icb_code"),
                r.getString(i, "sex"),
                Integer.parseInt(band.split("[-+]")[0]),
                r.getString(i, "imd_decile"),
                Boolean.TRUE.equals(r.get(i, "smi")),
                deaths,
                people,
                suicides);
    }

    /** Deaths and population by band start (in {@link #BAND_STARTS} order) over the strata a filter keeps. */
    public Bands bands(Predicate<Stratum> keep) {
        Bands out = Bands.empty();
        strata.forEach((stratum, b) -> {
            if (keep.test(stratum)) {
                for (int i = 0; i < BAND_STARTS.size(); i++) {
                    out.deaths()[i] += b.deaths()[i];
                    out.population()[i] += b.population()[i];
                    out.suicides()[i] += b.suicides()[i];
                }
            }
        });
        return out;
    }

    /** Deaths (all causes and from suicide) and population by age band, indexed as {@link #BAND_STARTS}. */
    public record Bands(double[] deaths, double[] population, double[] suicides) {

        static Bands empty() {
            int n = BAND_STARTS.size();
            return new Bands(new double[n], new double[n], new double[n]);
        }

        /** The same population with deaths from suicide in place of deaths from all causes. */
        public Bands suicidesAsDeaths() {
            return new Bands(suicides, population, suicides);
        }

        public double totalDeaths() {
            return java.util.Arrays.stream(deaths).sum();
        }

        public double totalPopulation() {
            return java.util.Arrays.stream(population).sum();
        }

        /** The 20 Fingertips life-expectancy bands: 15-17 and 18-19 merged back into 15-19. */
        public List<org.openphm.stats.LifeExpectancy.AgeBand> lifeTableBands() {
            List<org.openphm.stats.LifeExpectancy.AgeBand> out = new ArrayList<>();
            for (int i = 0; i < BAND_STARTS.size(); i++) {
                int start = BAND_STARTS.get(i);
                if (start == 18) {
                    var prev = out.remove(out.size() - 1);
                    out.add(new org.openphm.stats.LifeExpectancy.AgeBand(
                            15, prev.population() + population[i], prev.deaths() + deaths[i]));
                } else {
                    out.add(new org.openphm.stats.LifeExpectancy.AgeBand(start, population[i], deaths[i]));
                }
            }
            return out;
        }

        /**
         * The 19 ESP2013 bands (0 and 1-4 merged into 0-4, 15-17 and 18-19 into 15-19), ages from {@code minAge} to
         * {@code maxAge}: each band's index in the ESP2013 order with its deaths and population.
         */
        public List<double[]> espBands(int minAge, int maxAge) {
            double[][] esp = new double[19][2];
            for (int i = 0; i < BAND_STARTS.size(); i++) {
                int start = BAND_STARTS.get(i);
                int end = i + 1 < BAND_STARTS.size() ? BAND_STARTS.get(i + 1) - 1 : Integer.MAX_VALUE;
                if (end < minAge || start > maxAge) {
                    continue;
                }
                int espIndex = Math.min(start / 5, 18);
                esp[espIndex][0] += deaths[i];
                esp[espIndex][1] += population[i];
            }
            List<double[]> out = new ArrayList<>();
            for (int k = 0; k < 19; k++) {
                int start = k * 5;
                int end = k == 18 ? Integer.MAX_VALUE : start + 4;
                if (end >= minAge && start <= maxAge) {
                    out.add(new double[] {k, esp[k][0], esp[k][1]});
                }
            }
            return out;
        }
    }
}
