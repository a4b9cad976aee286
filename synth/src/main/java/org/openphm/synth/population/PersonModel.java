package org.openphm.synth.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.Place;
import org.openphm.synth.population.ConditionSpec.InChildhood;
import org.openphm.synth.population.ConditionSpec.SinceOnset;
import org.openphm.synth.population.DrawnPerson.Observation;

/**
 * Draws one person from (seed, index) alone: who they are (Place, age, sex, LSOA and deprivation,
 * ethnicity, practice), their latent health, BMI, registers with diagnosis dates, registration spell,
 * death, and measurements. Conditions are drawn together through the latent health and the fitted pairwise
 * terms, so co-occurrence, deprivation gradients and mortality differences are properties of people that
 * analyses must find, not totals written in.
 */
public final class PersonModel {
    private static final List<ConditionSpec> CHAIN = ConditionCatalogue.CHAIN;
    private static final int N = CHAIN.size();
    private static final int DM = ConditionCatalogue.indexOf("DM");
    private static final int NDH = ConditionCatalogue.indexOf("NDH");
    private static final int HYP = ConditionCatalogue.indexOf("HYP");
    private static final int CAN = ConditionCatalogue.indexOf("CAN");
    private static final int DEM = ConditionCatalogue.indexOf("DEM");
    private static final int HF = ConditionCatalogue.indexOf("HF");
    private static final int CHD = ConditionCatalogue.indexOf("CHD");
    private static final int DEP = ConditionCatalogue.indexOf("DEP");
    /**
     * Depression episodes that resolve: besides the register drawn along the chain (depression not resolved),
     * an adult had an episode diagnosed in the DEP_RESOLVED_WINDOW years before the observation time with
     * chance DEP_RESOLVED_RATIO x their own chance of being on the register x their adult years in the window
     * over its length (so new episodes arise at a steady rate per adult-year, patterned by Place, deprivation,
     * sex and age like the register), at a uniform time, resolved after an exponential time with mean
     * DEP_RESOLVED_MEAN_YEARS (open if that is after the end of the data). QOF's register is depression "not
     * subsequently resolved" (DP 3.4); new diagnoses (DP 3.5) count first diagnoses, resolved or not. The window
     * covers the data years (2019/20 from 2025/26 observations), so the resolving part is steady over them.
     */
    static final double DEP_RESOLVED_RATIO = 0.6;

    static final double DEP_RESOLVED_WINDOW = 12;
    static final double DEP_RESOLVED_MEAN_YEARS = 2;

    private final Geography geography;
    private final Demography demography;
    private final FittedParams params;
    private final PopulationFlow flow;
    private final long firstPerson;
    private final double residentDurationRate;
    /** Each Place's log-odds of each register (chain position), read from its definition's map once. */
    private final double[][] placeLogOdds;

    public PersonModel(Geography geography, FittedParams params, PopulationFlow flow) {
        this(geography, params, flow, 0);
    }

    /**
     * @param firstPerson the number of the population's first person in a larger whole (see
     *                    SynthOptions#firstPerson): a person's {@link SyntheticPerson#index} is it plus their
     *                    position, while their draws depend on the position and the seed alone
     */
    public PersonModel(Geography geography, FittedParams params, PopulationFlow flow, long firstPerson) {
        this.firstPerson = firstPerson;
        this.geography = geography;
        this.placeLogOdds = geography.icb().places().stream()
                .map(p -> CHAIN.stream()
                        .mapToDouble(c -> p.conditionLogOdds(c.id()))
                        .toArray())
                .toArray(double[][]::new);
        this.demography = new Demography(geography.icb().places());
        this.params = params;
        this.flow = flow;
        this.residentDurationRate = PopulationFlow.residentDurationRate(demography.under5Share());
    }

    public PopulationFlow flow() {
        return flow;
    }

    /** Who someone is, at an anchor time (years from the reference date). */
    private record Body(
            Place place,
            double birthT,
            String sex,
            Geography.Lsoa lsoa,
            double deprivation,
            String ethnicity,
            Geography.Practice practice,
            double latent) {
        double ageAt(double t) {
            return t - birthT;
        }
    }

    /**
     * Registers drawn at an observation time: whether on it, and since when (years from the reference date);
     * the adult BMI drawn for that time, at age bmiAge.
     */
    private record Registers(boolean[] has, double[] diagT, double bmi, double bmiAge, double depFrom, double depTo) {}

    public DrawnPerson draw(long index, String personKey, SplittableRandom rng) {
        return switch (flow.kindOf(index)) {
            case RESIDENT -> resident(index, personKey, rng);
            case LEAVER -> leaver(index, personKey, rng);
            case JOINER -> joiner(index, personKey, rng);
        };
    }

    private DrawnPerson resident(long index, String key, SplittableRandom rng) {
        Place place = demography.drawPlace(rng);
        int age = demography.drawAge(place, rng);
        Body b = body(place, 0, age, demography.drawSex(age, rng), rng);
        Registers reg = registers(b, 1.0, rng);
        double mu = hazard(b, 0, reg.has);
        double death = Distributions.exponential(rng, mu);
        double leave = Distributions.exponential(rng, PopulationFlow.OUT_MIGRATION);
        Double deathT = death < 1 && death < leave ? death : null;
        Double exitT = deathT != null ? deathT : leave < 1 ? leave : null;
        double startT = Math.max(b.birthT, -Distributions.exponential(rng, residentDurationRate));
        return finish(
                index,
                key,
                PopulationFlow.Kind.RESIDENT,
                b,
                reg,
                startT,
                exitT,
                deathT,
                leave < death ? null : death,
                rng);
    }

    private DrawnPerson leaver(long index, String key, SplittableRandom rng) {
        double dr = PopulationFlow.DEATH_RATE;
        boolean died = rng.nextDouble() < dr / (dr + PopulationFlow.OUT_MIGRATION);
        double s = PopulationFlow.growthWeightedTime(rng.nextDouble(), -PopulationFlow.YEARS_BEFORE, 0);
        Body b;
        Registers reg;
        while (true) {
            Place place = demography.drawPlace(rng);
            int age = demography.drawAge(place, rng);
            String sex = demography.drawSex(age, rng);
            // Deaths are drawn in proportion to each person's hazard: first by age and sex, then by the rest.
            if (died && rng.nextDouble() * Mortality.maxBaseline() > Mortality.midYearBaseline(age, sex)) {
                continue;
            }
            b = body(place, s, age, sex, rng);
            reg = registers(b, s, rng);
            if (!died) {
                break;
            }
            double m = Mortality.multiplier(b.latent, b.deprivation, b.place, b.ageAt(s), reg.has);
            if (rng.nextDouble() * Mortality.MULTIPLIER_CAP < m) {
                break;
            }
        }
        // Leavers are drawn from the same population as residents, so their durations too come from the
        // rate of the 5+ population (children's durations are cut at birth).
        double startT = Math.max(b.birthT, s - Distributions.exponential(rng, residentDurationRate));
        return finish(index, key, PopulationFlow.Kind.LEAVER, b, reg, startT, s, died ? s : null, died ? s : null, rng);
    }

    private DrawnPerson joiner(long index, String key, SplittableRandom rng) {
        double tj = PopulationFlow.growthWeightedTime(rng.nextDouble(), 0, 1);
        Place place = demography.drawPlace(rng);
        boolean born = rng.nextDouble() < PopulationFlow.BIRTH_RATE / PopulationFlow.JOIN_RATE;
        int age = born ? 0 : demography.drawAge(place, rng);
        Body b = body(place, tj, age, demography.drawSex(age, rng), rng);
        if (born) {
            b = new Body(b.place, tj, b.sex, b.lsoa, b.deprivation, b.ethnicity, b.practice, b.latent);
        }
        Registers reg = registers(b, 1.0, rng);
        double mu = hazard(b, tj, reg.has);
        double death = tj + Distributions.exponential(rng, mu);
        double leave = tj + Distributions.exponential(rng, PopulationFlow.OUT_MIGRATION);
        Double deathT = death < 1 && death < leave ? death : null;
        Double exitT = deathT != null ? deathT : leave < 1 ? leave : null;
        return finish(
                index, key, PopulationFlow.Kind.JOINER, b, reg, tj, exitT, deathT, leave < death ? null : death, rng);
    }

    private Body body(Place place, double anchorT, int age, String sex, SplittableRandom rng) {
        double birthT = anchorT - age - rng.nextDouble();
        Geography.Lsoa lsoa = geography.drawLsoa(place, rng);
        double dep = Demography.deprivation(lsoa.imdDecile());
        String eth = demography.drawEthnicity(place, dep, rng);
        Geography.Practice practice = geography.drawPractice(place, rng);
        // Latent health: a shared frailty, worse in deprived areas (the deprivation gap in health, DP 4.1).
        double latent = Distributions.normal(rng) + 0.3 * dep;
        return new Body(place, birthT, sex, lsoa, dep, eth, practice, latent);
    }

    double hazard(Body b, double t, boolean[] has) {
        double age = b.ageAt(t);
        return params.mortalityScale
                * Mortality.baseline(age, b.sex)
                * Mortality.multiplier(b.latent, b.deprivation, b.place, age, has);
    }

    /**
     * The registers a person is on at time tObs, drawn along the causal chain. The fitted intercepts are those
     * of the reference date (31 March 2025, t = 0); a register's secular trend moves its log-odds by
     * trend x tObs, so people observed at other times (leavers, joiners, residents at the window end) are on it
     * as often as the trend says.
     */
    private Registers registers(Body b, double tObs, SplittableRandom rng) {
        double age = b.ageAt(tObs);
        EthnicFamily fam = EthnicFamily.of(b.ethnicity);
        double bmi = age >= 18 ? Bmi.draw(age, b.sex, b.deprivation, fam, b.latent, rng) : Double.NaN;
        boolean[] has = new boolean[N];
        // the registers already drawn on, in chain order: their pairwise terms are added in that order
        int[] on = new int[N];
        int onCount = 0;
        double[] diagT = new double[N];
        double depFrom = Double.NaN;
        double depTo = Double.NaN;
        int birthYear = PopulationFlow.date(b.birthT).getYear();
        for (int k = 0; k < N; k++) {
            ConditionSpec c = CHAIN.get(k);
            if (age < c.minAge() || (k == NDH && has[DM])) {
                continue;
            }
            double x = params.intercept[k]
                    + c.ageShape(age)
                    + ("M".equals(b.sex) ? c.male() : 0)
                    + c.deprivation() * b.deprivation
                    + c.frailty() * b.latent
                    + ETHNIC_LOG_ODDS[k][fam.ordinal()]
                    + placeLogOdds[b.place.index()][k];
            if (!Double.isNaN(bmi)) {
                x += c.bmi() * (bmi - 27);
            }
            for (int m = 0; m < onCount; m++) {
                x += params.pair[k][on[m]];
            }
            if (c.timing() instanceof InChildhood ch) {
                x += ch.cohortTrend() * (birthYear - 2010);
            } else if (c.timing() instanceof SinceOnset s) {
                x += s.trend() * tObs;
            }
            if (rng.nextDouble() >= Distributions.logistic(x)) {
                double window = Math.min(DEP_RESOLVED_WINDOW, age - c.minAge());
                if (k == DEP
                        && rng.nextDouble()
                                < DEP_RESOLVED_RATIO * Distributions.logistic(x) * window / DEP_RESOLVED_WINDOW) {
                    depFrom = tObs - window * rng.nextDouble();
                    depTo = depFrom + Distributions.exponential(rng, 1.0 / DEP_RESOLVED_MEAN_YEARS);
                }
                continue;
            }
            double d = diagnosisTime(c, k, b, tObs, x, has, rng);
            if (d <= tObs) {
                has[k] = true;
                on[onCount++] = k;
                diagT[k] = d;
            }
        }
        return new Registers(has, diagT, bmi, age, depFrom, depTo);
    }

    /** Grid step (years) on which a person's chance of being on a register is traced back along their life. */
    private static final double STEP = 0.25;
    /** Years over which diagnoses made before a register's first onset age are spread. */
    private static final double BEFORE_ONSET = 6;

    /** Each register's log-odds by ethnic family (chain position, family ordinal), read from its map once. */
    private static final double[][] ETHNIC_LOG_ODDS = CHAIN.stream()
            .map(c -> java.util.Arrays.stream(EthnicFamily.values())
                    .mapToDouble(f -> c.ethnicity().getOrDefault(f, 0.0))
                    .toArray())
            .toArray(double[][]::new);

    /** The oldest age the grids below reach; an older age is computed as it comes. */
    private static final int GRID_TO_AGE = 120;

    /**
     * Per register (chain position), its age shape at each grid age minAge + i STEP. diagnosisTime traces every
     * person back along this grid, and the shape's knot search and the baseline hazard's exponential at each step
     * were a third of the generator's time; these are the very values it computed, computed once.
     */
    private static final double[][] SHAPE_ON_GRID = new double[N][];

    /** Per sex (0 not male, 1 male) and register, the baseline death hazard at the middle of grid step i. */
    private static final double[][][] BASELINE_ON_GRID = new double[2][N][];

    /**
     * Per register, the last grid step up to which its log-odds along a life only rise: each step's exact rise
     * (the shape's change plus the trend over the step, the same for everyone) is at least RISE_MARGIN, far above
     * the rounding of a log-odds, so the running maximum diagnosisTime needs is the log-odds itself up to there.
     */
    private static final int[] RISING_TO = new int[N];

    private static final double RISE_MARGIN = 1e-9;

    static {
        for (int k = 0; k < N; k++) {
            ConditionSpec c = CHAIN.get(k);
            double a0 = c.minAge();
            int steps = (int) Math.ceil((GRID_TO_AGE - a0) / STEP) + 1;
            SHAPE_ON_GRID[k] = new double[steps];
            BASELINE_ON_GRID[0][k] = new double[steps];
            BASELINE_ON_GRID[1][k] = new double[steps];
            for (int i = 0; i < steps; i++) {
                SHAPE_ON_GRID[k][i] = c.ageShape(a0 + i * STEP);
                if (i > 0) {
                    double from = a0 + (i - 1) * STEP;
                    double to = a0 + i * STEP;
                    double mid = (from + to) / 2; // as diagnosisTime computes it, so the value is the same to the bit
                    BASELINE_ON_GRID[0][k][i] = Mortality.baseline(mid, "F");
                    BASELINE_ON_GRID[1][k][i] = Mortality.baseline(mid, "M");
                }
            }
            double trend = c.timing() instanceof SinceOnset s ? s.trend() : 0;
            int rising = 0;
            while (rising + 1 < steps
                    && SHAPE_ON_GRID[k][rising + 1] - SHAPE_ON_GRID[k][rising] + trend * STEP >= RISE_MARGIN) {
                rising++;
            }
            RISING_TO[k] = rising;
        }
    }

    /**
     * When a condition present at tObs was first recorded. SinceOnset: the person's chance of being on the
     * register at an earlier time u is r(u) = logistic(x - shape(age at tObs) + shape(age at u) + trend (u - tObs)),
     * the same model at their age then (x is their log-odds at tObs, so sex, deprivation, latent health,
     * ethnicity, Place, BMI and earlier registers stay as drawn). Without remission the chance of having been
     * diagnosed by u is H(u) = max of r up to u, and given on the register at tObs the diagnosis time has
     * distribution H(u) / H(tObs). So the register at an earlier date holds each person with their then
     * probability, and prevalence by age at each date is the calibrated one moved by the trend: registers
     * move with the population's ageing and their trend, not towards the year the population was observed in.
     * The person is alive at tObs, and people with the condition die faster: a diagnosis at u is weighted by
     * the relative survival exp(-integral from u to tObs of the condition's excess hazard for this person), so
     * that those who died (drawn as leavers, with their own registers) are not counted twice and conditions that
     * shorten life (heart failure, dementia, cancer) were diagnosed more recently. The mass at the first onset
     * age (people already on it then) is spread over the BEFORE_ONSET years before that age (or after birth,
     * for conditions from birth).
     */
    private double diagnosisTime(
            ConditionSpec c, int k, Body b, double tObs, double x, boolean[] has, SplittableRandom rng) {
        if (c.timing() instanceof InChildhood ch) {
            return b.birthT
                    + ch.minDiagnosisAge()
                    + Distributions.truncatedExponential(rng, 1.0 / ch.meanExtraYears(), 17.9 - ch.minDiagnosisAge());
        }
        SinceOnset s = (SinceOnset) c.timing();
        double aObs = b.ageAt(tObs);
        double a0 = Math.min(c.minAge(), aObs);
        // the grid's own values (from the register's first onset age) are looked up, not computed for each person
        boolean onGrid = a0 == c.minAge();
        double[] shapes = SHAPE_ON_GRID[k];
        double[] baselines = BASELINE_ON_GRID["M".equals(b.sex) ? 1 : 0][k];
        double base = x - c.ageShape(aObs);
        int n = (int) Math.ceil((aObs - a0) / STEP);
        double trend = s.trend();
        // The chance H the search below needs is the running maximum of the chance along the grid, which is the
        // logistic of the running maximum of the log-odds (Math.exp is semi-monotonic), and that is the log-odds
        // itself while they rise (RISING_TO; the last, part step, at aObs itself, is always run through): only the
        // steps after are run through here, and only the steps the search visits are computed at all.
        int rising = onGrid ? Math.max(0, Math.min(RISING_TO[k], n - 1)) : 0;
        double[] tail = new double[n - rising + 1];
        tail[0] = logOdds(c, shapes, onGrid, a0, aObs, base, trend, rising);
        for (int i = rising + 1; i <= n; i++) {
            tail[i - rising] = Math.max(tail[i - rising - 1], logOdds(c, shapes, onGrid, a0, aObs, base, trend, i));
        }
        boolean[] with = has.clone();
        with[k] = true;
        boolean[] without = has.clone();
        without[k] = false;
        // The multiplier depends on age only through SMI's threshold, so the excess of each side is drawn once.
        double personal = Mortality.personal(b.latent, b.deprivation, b.place);
        double younger = Mortality.multiplier(personal, 0, with) - Mortality.multiplier(personal, 0, without);
        double older = Mortality.multiplier(personal, Mortality.SMI_OLDER_FROM, with)
                - Mortality.multiplier(personal, Mortality.SMI_OLDER_FROM, without);
        double hTop = Distributions.logistic(tail[n - rising]);
        double target = rng.nextDouble() * hTop;
        // h(i) = H at step i x the relative survival from it to tObs. Both factors only grow with i (the excess is
        // a sum of terms that are not negative: a register only raises the hazard, as Mortality checks), so the
        // first step from below where h reaches the target is the last one met walking down from tObs: the walk
        // stops there, and the survival below it is never computed.
        double excess = 0;
        double lastZ = tail[n - rising];
        double lastH = hTop;
        double hAbove = hTop;
        for (int i = n; i > 0; i--) {
            double from = a0 + (i - 1) * STEP;
            double grid = a0 + i * STEP;
            double to = Math.min(aObs, grid);
            double mid = (from + to) / 2;
            double baseline =
                    onGrid && to == grid && i < baselines.length ? baselines[i] : Mortality.baseline(mid, b.sex);
            excess +=
                    (to - from) * params.mortalityScale * baseline * (mid < Mortality.SMI_OLDER_FROM ? younger : older);
            double z = i - 1 > rising ? tail[i - 1 - rising] : logOdds(c, shapes, onGrid, a0, aObs, base, trend, i - 1);
            if (z != lastZ) {
                lastZ = z;
                lastH = Distributions.logistic(z);
            }
            double hBelow = lastH * Math.exp(-excess);
            if (hBelow < target) {
                return b.birthT + from + (target - hBelow) / (hAbove - hBelow) * (to - from);
            }
            hAbove = hBelow;
        }
        // on the register already at the first onset age
        double lo = a0 >= BEFORE_ONSET ? a0 - BEFORE_ONSET : a0;
        double hi = Math.min(lo + BEFORE_ONSET, aObs);
        return b.birthT + lo + rng.nextDouble() * (hi - lo);
    }

    /** The person's log-odds of being on register c at grid step i, base being theirs less the shape at aObs. */
    private static double logOdds(
            ConditionSpec c,
            double[] shapes,
            boolean onGrid,
            double a0,
            double aObs,
            double base,
            double trend,
            int i) {
        double grid = a0 + i * STEP;
        double a = Math.min(aObs, grid);
        double shape = onGrid && a == grid && i < shapes.length ? shapes[i] : c.ageShape(a);
        return base + shape + trend * (a - aObs);
    }

    private DrawnPerson finish(
            long index,
            String key,
            PopulationFlow.Kind kind,
            Body b,
            Registers reg,
            double startT,
            Double exitT,
            Double deathT,
            Double nextDeathT,
            SplittableRandom rng) {
        double end = exitT == null ? 1.0 : exitT;
        Map<String, LocalDate> conditions = new LinkedHashMap<>();
        for (int k = 0; k < N; k++) {
            if (reg.has[k] && reg.diagT[k] <= end) {
                conditions.put(CHAIN.get(k).id(), PopulationFlow.date(reg.diagT[k]));
            }
        }
        List<Observation> obs = new ArrayList<>();
        EthnicFamily fam = EthnicFamily.of(b.ethnicity);
        List<DrawnPerson.Episode> episodes = new ArrayList<>();
        if (!Double.isNaN(reg.bmi)) {
            bmiReadings(b, reg, fam, startT, end, obs, conditions, episodes, rng);
        }
        if (!Double.isNaN(reg.depFrom) && reg.depFrom <= end) {
            LocalDate resolved = PopulationFlow.date(reg.depTo);
            episodes.add(new DrawnPerson.Episode(
                    "DEP",
                    PopulationFlow.date(reg.depFrom),
                    resolved.isAfter(PopulationFlow.WINDOW_END) ? null : resolved));
        }
        Double pcT = palliativeCare(b, reg, startT, end, nextDeathT, rng);
        if (pcT != null) {
            conditions.put("PC", PopulationFlow.date(pcT));
        }
        if (reg.has[HYP] && reg.diagT[HYP] <= end) {
            obs.addAll(BloodPressure.readings(
                    b.ageAt(0),
                    fam == EthnicFamily.BLACK,
                    b.deprivation,
                    Math.max(startT, reg.diagT[HYP]),
                    end,
                    params,
                    rng));
        }
        obs.sort(java.util.Comparator.comparing(Observation::date));
        LocalDate birth = PopulationFlow.date(b.birthT);
        YearMonth birthMonth = YearMonth.from(birth);
        LocalDate start = PopulationFlow.date(startT);
        if (start.isBefore(birthMonth.atDay(1))) {
            start = birthMonth.atDay(1);
        }
        LocalDate death = deathT == null ? null : PopulationFlow.date(deathT);
        LocalDate exit = exitT == null ? null : PopulationFlow.date(exitT);
        if (exit != null && exit.isBefore(start)) {
            exit = start;
        }
        SyntheticPerson p = new SyntheticPerson(
                firstPerson + index,
                key,
                b.sex,
                birthMonth,
                b.ethnicity,
                b.lsoa.code(),
                b.lsoa.imdDecile(),
                b.place.code(),
                b.practice.code(),
                Math.exp(0.5 * b.latent),
                conditions,
                death,
                start,
                exit);
        String cause = death == null ? null : DeathCause.draw(p, b.ageAt(deathT), rng);
        return new DrawnPerson(p, kind, cause, List.copyOf(obs), b.latent, List.copyOf(episodes));
    }

    /** Chance of a BMI being recorded in a financial year, for people on the DM, HYP or CHD register and others. */
    static final double BMI_RECORDED_CARDIOMETABOLIC = 0.7;

    static final double BMI_RECORDED_OTHER = 0.45;

    /**
     * Adult BMI readings: in each financial year of the data (2019/20 to 2025/26) a reading with chance 0.7 for
     * people on the diabetes, hypertension or CHD register then (annual reviews) and 0.45 otherwise, at a
     * uniform time in the year, kept if registered and 18 or over then. The value is the person's BMI moved
     * along the age curve (Bmi.at). Obesity is the QOF 2023-24 register: a BMI at or over the threshold
     * recorded in the last 12 months, so an episode runs from an obese reading until a later non-obese
     * reading or 12 months after the last obese one (open at the end of the data if that is later).
     */
    private void bmiReadings(
            Body b,
            Registers reg,
            EthnicFamily fam,
            double startT,
            double end,
            List<Observation> obs,
            Map<String, LocalDate> conditions,
            List<DrawnPerson.Episode> episodes,
            SplittableRandom rng) {
        double threshold = Bmi.obesityThreshold(fam);
        double open = Double.NaN;
        double lastObese = Double.NaN;
        LocalDate previous = null;
        for (int y = 0; y < PopulationFlow.YEARS_BEFORE + 1; y++) {
            double t = -PopulationFlow.YEARS_BEFORE + y + rng.nextDouble();
            boolean cardiometabolic = onAt(reg, DM, t) || onAt(reg, HYP, t) || onAt(reg, CHD, t);
            boolean recorded = rng.nextDouble() < (cardiometabolic ? BMI_RECORDED_CARDIOMETABOLIC : BMI_RECORDED_OTHER);
            double value = Math.round(Bmi.at(reg.bmi, reg.bmiAge, b.ageAt(t), rng) * 10) / 10.0;
            if (!recorded || t < startT || t > end || b.ageAt(t) < 18) {
                continue;
            }
            // readings either side of a year boundary can fall on one day; the observation table's key is one
            // reading of a code a day (England's 88 million people had 4 such pairs in 10.5 million in one ICB,
            // which ingest quarantined as duplicates)
            if (PopulationFlow.date(t).equals(previous)) {
                continue;
            }
            previous = PopulationFlow.date(t);
            obs.add(new Observation("BMI", value, PopulationFlow.date(t)));
            boolean obese = value >= threshold;
            if (!Double.isNaN(open) && (t > lastObese + 1 || !obese)) {
                episodes.add(obesityEpisode(open, Math.min(t, lastObese + 1)));
                open = Double.NaN;
            }
            if (obese) {
                open = Double.isNaN(open) ? t : open;
                lastObese = t;
                conditions.putIfAbsent("OB", PopulationFlow.date(t));
            }
        }
        if (!Double.isNaN(open)) {
            episodes.add(obesityEpisode(open, lastObese + 1));
        }
    }

    private static DrawnPerson.Episode obesityEpisode(double from, double to) {
        LocalDate resolved = PopulationFlow.date(to);
        return new DrawnPerson.Episode(
                "OB", PopulationFlow.date(from), resolved.isAfter(PopulationFlow.WINDOW_END) ? null : resolved);
    }

    private static boolean onAt(Registers reg, int k, double t) {
        return reg.has[k] && reg.diagT[k] <= t;
    }

    /**
     * Palliative care: mostly people in their last year of life, the rest the frailest with cancer, dementia or
     * HF. deathT is the person's death time when drawn, also after the end of the data (people who die soon
     * after 31 March 2026 are on the register before it, as those who died in the window were before theirs).
     */
    /** Rate (per year) of the time on the palliative care register of people not dying soon, counted back from the end. */
    static final double PC_SURVIVOR_RATE = 0.045;

    private Double palliativeCare(
            Body b, Registers reg, double startT, double end, Double deathT, SplittableRandom rng) {
        if (deathT != null && deathT > end + 3) {
            deathT = null;
        }
        double age = b.ageAt(Math.min(end, 0));
        double x = params.pcIntercept
                + 0.5 * b.latent
                + (reg.has[CAN] ? 1.2 : 0)
                + (reg.has[DEM] ? 0.8 : 0)
                + (reg.has[HF] ? 0.6 : 0)
                + b.place.palliativeCareLogOdds()
                + 0.045 * Math.max(0, age - 40);
        if (deathT != null) {
            x += 3.5;
        }
        if (rng.nextDouble() >= Distributions.logistic(x)) {
            return null;
        }
        double anchor = deathT != null ? deathT : end;
        double t = anchor
                - Distributions.truncatedExponential(rng, deathT != null ? 2.0 : PC_SURVIVOR_RATE, anchor - b.birthT);
        return t <= end ? t : null;
    }
}
