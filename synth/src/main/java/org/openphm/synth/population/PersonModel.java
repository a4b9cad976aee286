package org.openphm.synth.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.synth.SyntheticPerson;
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

    private final Geography geography;
    private final Demography demography = new Demography();
    private final FittedParams params;
    private final PopulationFlow flow;
    private final double residentDurationRate;

    public PersonModel(Geography geography, FittedParams params, PopulationFlow flow) {
        this.geography = geography;
        this.params = params;
        this.flow = flow;
        this.residentDurationRate = PopulationFlow.residentDurationRate(demography.under5Share());
    }

    public PopulationFlow flow() { return flow; }

    /** Who someone is, at an anchor time (years from the reference date). */
    private record Body(Place place, double birthT, String sex, Geography.Lsoa lsoa, double deprivation,
                        String ethnicity, Geography.Practice practice, double latent) {
        double ageAt(double t) { return t - birthT; }
    }

    /** Registers drawn at an observation time: whether on it, and since when (years from the reference date). */
    private record Registers(boolean[] has, double[] diagT, double bmi, double bmiT) {}

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
        Registers reg = registers(b, 1.0, 0.0, rng);
        double mu = hazard(b, 0, reg.has);
        double death = Distributions.exponential(rng, mu);
        double leave = Distributions.exponential(rng, PopulationFlow.OUT_MIGRATION);
        Double deathT = death < 1 && death < leave ? death : null;
        Double exitT = deathT != null ? deathT : leave < 1 ? leave : null;
        double startT = Math.max(b.birthT, -Distributions.exponential(rng, residentDurationRate));
        return finish(index, key, PopulationFlow.Kind.RESIDENT, b, reg, startT, exitT, deathT, rng);
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
            if (died && rng.nextDouble() * Mortality.maxBaseline() > Mortality.baseline(age + 0.5, sex)) {
                continue;
            }
            b = body(place, s, age, sex, rng);
            reg = registers(b, s, s, rng);
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
        return finish(index, key, PopulationFlow.Kind.LEAVER, b, reg, startT, s, died ? s : null, rng);
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
        Registers reg = registers(b, 1.0, 1.0, rng);
        double mu = hazard(b, tj, reg.has);
        double death = tj + Distributions.exponential(rng, mu);
        double leave = tj + Distributions.exponential(rng, PopulationFlow.OUT_MIGRATION);
        Double deathT = death < 1 && death < leave ? death : null;
        Double exitT = deathT != null ? deathT : leave < 1 ? leave : null;
        return finish(index, key, PopulationFlow.Kind.JOINER, b, reg, tj, exitT, deathT, rng);
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
        return params.mortalityScale * Mortality.baseline(age, b.sex)
                * Mortality.multiplier(b.latent, b.deprivation, b.place, age, has);
    }

    /**
     * The registers a person is on at time tObs, drawn along the causal chain; BMI is measured in the year
     * before bmiBefore (the reference date for residents, so obesity as QOF counts it on that date).
     */
    private Registers registers(Body b, double tObs, double bmiBefore, SplittableRandom rng) {
        double age = b.ageAt(tObs);
        EthnicFamily fam = EthnicFamily.of(b.ethnicity);
        double bmi = age >= 18 ? Bmi.draw(age, b.sex, b.deprivation, fam, b.latent, rng) : Double.NaN;
        boolean[] has = new boolean[N];
        double[] diagT = new double[N];
        int birthYear = PopulationFlow.date(b.birthT).getYear();
        for (int k = 0; k < N; k++) {
            ConditionSpec c = CHAIN.get(k);
            if (age < c.minAge() || (k == NDH && has[DM])) {
                continue;
            }
            double x = params.intercept[k] + c.ageShape(age) + ("M".equals(b.sex) ? c.male() : 0)
                    + c.deprivation() * b.deprivation + c.frailty() * b.latent
                    + c.ethnicity().getOrDefault(fam, 0.0) + c.place().getOrDefault(b.place, 0.0);
            if (!Double.isNaN(bmi)) {
                x += c.bmi() * (bmi - 27);
            }
            for (int j = 0; j < k; j++) {
                if (has[j]) {
                    x += params.pair[k][j];
                }
            }
            if (c.timing() instanceof InChildhood ch) {
                x += ch.cohortTrend() * (birthYear - 2010);
            }
            if (rng.nextDouble() >= Distributions.logistic(x)) {
                continue;
            }
            double d = diagnosisTime(c, b, tObs, rng);
            if (d <= tObs) {
                has[k] = true;
                diagT[k] = d;
            }
        }
        double bmiT = Math.max(bmiBefore - rng.nextDouble(), b.birthT + 18);
        return new Registers(has, diagT, bmi, bmiT);
    }

    private static double diagnosisTime(ConditionSpec c, Body b, double tObs, SplittableRandom rng) {
        if (c.timing() instanceof InChildhood ch) {
            return b.birthT + ch.minDiagnosisAge()
                    + Distributions.truncatedExponential(rng, 1.0 / ch.meanExtraYears(), 17.9 - ch.minDiagnosisAge());
        }
        SinceOnset s = (SinceOnset) c.timing();
        return tObs - Distributions.truncatedExponential(rng, 1.0 / s.meanYears(), Math.max(0, b.ageAt(tObs) - c.minAge()));
    }

    private DrawnPerson finish(long index, String key, PopulationFlow.Kind kind, Body b, Registers reg, double startT,
                               Double exitT, Double deathT, SplittableRandom rng) {
        double end = exitT == null ? 1.0 : exitT;
        Map<String, LocalDate> conditions = new LinkedHashMap<>();
        for (int k = 0; k < N; k++) {
            if (reg.has[k] && reg.diagT[k] <= end) {
                conditions.put(CHAIN.get(k).id(), PopulationFlow.date(reg.diagT[k]));
            }
        }
        List<Observation> obs = new ArrayList<>();
        EthnicFamily fam = EthnicFamily.of(b.ethnicity);
        if (!Double.isNaN(reg.bmi) && reg.bmiT >= startT && reg.bmiT <= end
                && rng.nextDouble() < (reg.has[DM] || reg.has[HYP] || reg.has[CHD] ? 0.7 : 0.45)) {
            obs.add(new Observation("BMI", Math.round(reg.bmi * 10) / 10.0, PopulationFlow.date(reg.bmiT)));
            if (reg.bmi >= Bmi.obesityThreshold(fam)) {
                conditions.put("OB", PopulationFlow.date(reg.bmiT));
            }
        }
        Double pcT = palliativeCare(b, reg, startT, end, deathT, rng);
        if (pcT != null) {
            conditions.put("PC", PopulationFlow.date(pcT));
        }
        if (reg.has[HYP] && reg.diagT[HYP] <= end) {
            obs.addAll(BloodPressure.readings(b.ageAt(0), fam == EthnicFamily.BLACK, b.deprivation,
                    Math.max(startT, reg.diagT[HYP]), end, params, rng));
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
        SyntheticPerson p = new SyntheticPerson(index, key, b.sex, birthMonth, b.ethnicity, b.lsoa.code(),
                b.lsoa.imdDecile(), b.place.code(), b.practice.code(), Math.exp(0.5 * b.latent), Map.copyOf(conditions),
                death, start, exit);
        String cause = death == null ? null : DeathCause.draw(p, b.ageAt(deathT), rng);
        return new DrawnPerson(p, kind, cause, List.copyOf(obs), b.latent);
    }

    /** Palliative care: mostly people in their last year of life, the rest the frailest with cancer, dementia or HF. */
    private Double palliativeCare(Body b, Registers reg, double startT, double end, Double deathT, SplittableRandom rng) {
        double age = b.ageAt(Math.min(end, 0));
        double x = params.pcIntercept + 0.5 * b.latent + (reg.has[CAN] ? 1.2 : 0) + (reg.has[DEM] ? 0.8 : 0)
                + (reg.has[HF] ? 0.6 : 0) + (b.place == Place.BEDFORD ? 0.45 : 0) + 0.045 * Math.max(0, age - 40);
        if (deathT != null) {
            x += 3.5;
        }
        if (rng.nextDouble() >= Distributions.logistic(x)) {
            return null;
        }
        double anchor = deathT != null ? deathT : end;
        double t = anchor - Distributions.truncatedExponential(rng, deathT != null ? 2.0 : 0.7, anchor - startT);
        return t <= end ? t : null;
    }
}
