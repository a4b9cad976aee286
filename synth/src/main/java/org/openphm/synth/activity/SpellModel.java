package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.model.UnitCosts;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Hospital inpatient spells (SUS APC): emergency, elective and other (maternity), DP 4.3, 3.8, 8.4-8.15.
 *
 * <p>A person's admissions in a year are a Poisson process whose rate is the sum of several streams, each
 * per person-year: general emergencies (age curve × health × deprivation, and ethnicity for children),
 * emergencies for each ambulatory care sensitive condition (far more often for people on the condition's
 * register, and more for the sicker), children's mental-health admissions, electives and maternity. Emergency
 * streams are calibrated per Place and age group (children / adults) so that the 2024/25 expected counts over
 * the reference population are the DP's (ACSC counts and their share of admissions, DP 8.5-8.9; the under-18
 * admission rate, DP 4.3; CYP MH admissions per 100,000, DP 3.8). Stays come from the DP 8.14/8.15 tables,
 * costs from public unit costs, and clinically-ready-for-discharge delays from DP 8.13.
 */
final class SpellModel {

    // ---- calibration: each Place's targets (2024/25) are in the ICB's definition (Place.Acute) ------------

    /** Emergency admissions relative to 2024/25 by year 2019/20..2025/26. */
    private static final double[] EMERGENCY_TREND = {0.97, 0.82, 0.93, 0.96, 0.98, 1.00, 1.02};
    /** Children's ACSC admissions 2023/24 relative to 2024/25 (assumed +5%; adults' are each Place's). */
    private static final double CHILD_ACSC_2023 = 1 / 1.05;
    /** Earlier years relative to 2023/24 (COVID dip), and 2025/26 relative to 2024/25. */
    private static final double[] ACSC_EARLY = {0.95, 0.75, 0.90, 0.97};

    private static final double ACSC_2025 = 1.03;

    /** Electives per person-year by age (assumed, about 11% of people a year), relative to 2023/24 by year. */
    private static final double[] ELECTIVE_TREND = {1.00, 0.65, 0.90, 0.97, 1.00, 1.03, 1.05};
    /** Maternity admissions per woman-year aged 18-44 (assumed). */
    private static final double MATERNITY_RATE = 0.055;

    /**
     * Clinically-ready-for-discharge delay days of adults by local site, 2023/24 and 2024/25, are each site's
     * (Site.delayDays). Earlier years are assumed at 80% of 2023/24, 2025/26 as 2024/25.
     */
    /** Share of delayed spells whose ready date is recorded; of the others, share with ready = discharge. */
    static final double DELAY_RECORDED = 0.70, READY_RECORDED = 0.55;

    static final double MEAN_DELAY_DAYS = 6;
    /**
     * Recorded delay days per adult emergency spell when the delay probability factor is 1: the product of
     * P(stay ≥ 2 days), the age mix of the delay probability, the recording share and the mean capped delay.
     * Measured from the model (ActivityCalibrationTest prints it), not published.
     */
    static final double DELAY_DAYS_PER_SPELL = 1.9;

    // ---- costs (HFMA, reference costs 2016/17: the model's unit_costs.csv) ----------------------------

    static final double NON_ELECTIVE_EPISODE = UnitCosts.gbp("non_elective_episode_2016_17");
    static final double ELECTIVE_EPISODE = UnitCosts.gbp("elective_episode_2016_17");
    static final double DAY_CASE = UnitCosts.gbp("day_case_2016_17");
    static final double EXCESS_BED_DAY = UnitCosts.gbp("excess_bed_day_2016_17");
    /** Trim point beyond which each day is charged as an excess bed day (assumed, one for all HRGs). */
    static final int TRIM_DAYS = 5;
    /**
     * ACSC episode price relative to the average non-elective episode, set so that ACSC spells cost about
     * £30.8m in 2024/25 (DP 8.7: £30,839,781 for 9,014 spells, £3,421 each) given their stays. Tuned by
     * measurement (ActivityCalibrationTest) on the people model's population; HRG prices are not public here.
     */
    static final double ACSC_PRICE_FACTOR = 1.2;

    /** DP 4.3: under-18 emergency admission rates of Pakistani and White Irish children relative to all. */
    private static final Map<String, Double> CHILD_ETHNIC_RATIOS = Map.of("J", 12508.0 / 8808, "B", 11391.0 / 8808);

    static final double EMERGENCY_HEALTH = 0.5, EMERGENCY_DEPRIVATION = 0.25;
    static final double ACSC_HEALTH = 0.6, ACSC_DEPRIVATION = 0.25;

    /**
     * Ethnicity multipliers for children. With a census, the published ratios are divided by the health and
     * deprivation each group already carries in the generated population, so the observed ratio is the DP's.
     */
    private static Map<String, Double> childEthnicity(Census census) {
        if (census == null) {
            return PersonRisk.anchoredEthnicity(CHILD_ETHNIC_RATIOS);
        }
        Map<String, Double> anchors = new java.util.HashMap<>();
        double all = census.childRisk(null, EMERGENCY_HEALTH, EMERGENCY_DEPRIVATION);
        CHILD_ETHNIC_RATIOS.forEach((code, ratio) ->
                anchors.put(code, ratio * all / census.childRisk(code, EMERGENCY_HEALTH, EMERGENCY_DEPRIVATION)));
        return PersonRisk.anchoredEthnicity(anchors, census.childMix());
    }

    private final ReferencePopulation reference;
    private final SyntheticIcbDefinition icb;
    private final Map<String, Double> childEthnicity;
    private final LengthOfStay stays;
    /** By Place index: [adult, child] base rates of general emergencies, and of CYP mental-health admissions. */
    private final double[][] generalBase;

    private final double[][] cypMhBase;
    /** By condition, then Place index: [adult, child]. */
    private final Map<AcscCondition, double[][]> acscBase = new EnumMap<>(AcscCondition.class);
    /** By site index: delay probability factor by year, or null where the site's delays are not modelled. */
    private final double[][] delayFactor;
    /** By Place index: share of admissions by site index. */
    private final double[][] siteShares;

    SpellModel(ReferencePopulation reference) {
        this.reference = reference;
        this.icb = reference.icb();
        List<Place> places = icb.places();
        this.stays = new LengthOfStay(icb.sites());
        this.generalBase = new double[places.size()][];
        this.cypMhBase = new double[places.size()][];
        this.delayFactor = new double[icb.sites().size()][];
        this.siteShares = places.stream().map(icb::admissionShares).toArray(double[][]::new);
        this.childEthnicity = childEthnicity(reference.census());
        calibrate();
    }

    // ---- rates per person-year, before person multipliers ----------------------------------------------

    static double emergencyAgeCurve(int age, boolean female) {
        double r = age < 1
                ? 0.30
                : age < 5
                        ? 0.12
                        : age < 15
                                ? 0.05
                                : age < 18
                                        ? 0.07
                                        : age < 30
                                                ? 0.06
                                                : age < 50
                                                        ? 0.06
                                                        : age < 65 ? 0.09 : age < 75 ? 0.16 : age < 85 ? 0.28 : 0.50;
        return female && age >= 18 && age < 45 ? r * 1.2 : r;
    }

    static double acscAgeCurve(int age) {
        return age < 18 ? (age < 5 ? 1.5 : 1.0) : Math.exp(0.03 * (age - 50));
    }

    static double cypMhAgeCurve(int age, boolean female) {
        return age >= 18 ? 0 : (age < 12 ? 0.1 : 1.0) * (female ? 2.0 : 1.0);
    }

    static double electiveRate(int age) {
        return age < 18 ? 0.03 : age < 40 ? 0.06 : age < 60 ? 0.11 : age < 75 ? 0.20 : 0.24;
    }

    private void calibrate() {
        FinancialYear y2024 = new FinancialYear(2024);
        SyntheticIcbDefinition.ChildAcsc icbChildren = icb.childAcsc();
        // Places with their own children's ACSC target; the others share the ICB's remaining admissions
        double childrenAll = reference.expected(s -> s.age() < 18 ? 1 : 0, y2024);
        double childrenListed =
                reference.expected(s -> s.age() < 18 && s.place().acute().childAcsc() != null ? 1 : 0, y2024);
        double childAdmissionsListed = 0;
        for (Place p : icb.places()) {
            Place.ChildAcsc own = p.acute().childAcsc();
            if (own != null) {
                childAdmissionsListed += own.admissions() / own.share();
            }
        }
        for (Place p : icb.places()) {
            AcscCondition.check(p);
            Place.Acute targets = p.acute();
            Place.ChildAcsc ownChildren = targets.childAcsc();
            double children = reference.expected(s -> s.age() < 18 && s.place() == p ? 1 : 0, y2024);
            // ACSC, by condition
            double adultAcsc = targets.adultAcsc().admissions();
            double childAcsc = ownChildren != null
                    ? ownChildren.admissions()
                    : icbChildren.unlistedAdmissions() * children / (childrenAll - childrenListed);
            for (AcscCondition c : AcscCondition.values()) {
                double[] base = new double[2];
                for (int g = 0; g < 2; g++) {
                    boolean child = g == 1;
                    double target = (child ? childAcsc : adultAcsc) * c.share(p, child) / 100;
                    double expected = reference.expected(
                            s -> s.place() == p && (s.age() < 18) == child
                                    ? acscAgeCurve(s.age())
                                            * (1
                                                    + (c.registerRateRatio - 1)
                                                            * reference.prevalence(c.register, s.age()))
                                    : 0,
                            y2024);
                    base[g] = target == 0 ? 0 : target / expected;
                }
                acscBase.computeIfAbsent(c, k -> new double[icb.places().size()][])[p.index()] = base;
            }
            // CYP mental health (DP 3.8)
            double cypShape = reference.expected(s -> s.place() == p ? cypMhAgeCurve(s.age(), s.female()) : 0, y2024);
            double cypCount = targets.cypMhPer100k() / 100_000 * children;
            cypMhBase[p.index()] = new double[] {cypCount / cypShape};
            // general emergencies: the admissions that are neither ACSC nor CYP MH
            double adultShare = targets.adultAcsc().share();
            double adultGeneral = adultAcsc * (1 - adultShare) / adultShare;
            double childAll = ownChildren != null
                    ? ownChildren.admissions() / ownChildren.share()
                    : (icbChildren.emergencyRate() * childrenAll - childAdmissionsListed)
                            * children
                            / (childrenAll - childrenListed);
            double childGeneral = childAll - childAcsc - cypCount;
            double adultShape = reference.expected(
                    s -> s.place() == p && s.age() >= 18 ? emergencyAgeCurve(s.age(), s.female()) : 0, y2024);
            double childShape = reference.expected(
                    s -> s.place() == p && s.age() < 18 ? emergencyAgeCurve(s.age(), s.female()) : 0, y2024);
            generalBase[p.index()] = new double[] {adultGeneral / adultShape, childGeneral / childShape};
        }
        // delays: adult emergency spells expected at each local site in 2024/25
        double[] adultSpells = new double[icb.sites().size()];
        for (Place p : icb.places()) {
            double adults =
                    p.acute().adultAcsc().admissions() / p.acute().adultAcsc().share();
            double[] shares = siteShares[p.index()];
            for (Site s : icb.sites()) {
                adultSpells[s.index()] += adults * shares[s.index()];
            }
        }
        for (Site site : icb.sites()) {
            double[] days = site.delayDays();
            if (days == null) {
                continue;
            }
            double[] factor = new double[ActivitySpan.LAST - ActivitySpan.FIRST + 1];
            for (int y = 0; y < factor.length; y++) {
                int year = ActivitySpan.FIRST + y;
                double target = year < 2023 ? 0.8 * days[0] : year == 2023 ? days[0] : days[1];
                factor[y] = target / (adultSpells[site.index()] * EMERGENCY_TREND[y] * DELAY_DAYS_PER_SPELL);
            }
            delayFactor[site.index()] = factor;
        }
    }

    static double acscTrend(Place place, boolean child, FinancialYear year) {
        int y = ActivitySpan.index(year);
        double r2023 = child ? CHILD_ACSC_2023 : place.acute().adultAcsc().ratio2023();
        if (y < ACSC_EARLY.length) {
            return r2023 * ACSC_EARLY[y];
        }
        return switch (year.startYear()) {
            case 2023 -> r2023;
            case 2024 -> 1.0;
            default -> ACSC_2025;
        };
    }

    // ---- emission ---------------------------------------------------------------------------------------

    private enum Stream {
        GENERAL,
        CYP_MH,
        ELECTIVE,
        MATERNITY
    }

    void emit(SyntheticPerson person, Exposure x, SplittableRandom rng, ActivityOutput out) throws IOException {
        Place place = icb.place(person.placeCode());
        boolean female = "F".equals(person.sex());
        boolean child = x.age() < 18;
        int g = child ? 1 : 0;
        LocalDate mid = x.mid();
        double ethnicity = child ? PersonRisk.ethnicity(childEthnicity, person.ethnicity()) : 1;
        double emergencyRisk = PersonRisk.health(person.health(), EMERGENCY_HEALTH)
                * PersonRisk.deprivation(person.imdDecile(), EMERGENCY_DEPRIVATION)
                * ethnicity;
        double acscRisk = PersonRisk.health(person.health(), ACSC_HEALTH)
                * PersonRisk.deprivation(person.imdDecile(), ACSC_DEPRIVATION)
                * ethnicity
                * (child ? 1 : place.acute().adultAcsc().jointRisk());

        AcscCondition[] conditions = AcscCondition.values();
        double[] weights = new double[Stream.values().length + conditions.length];
        weights[Stream.GENERAL.ordinal()] = generalBase[place.index()][g]
                * emergencyAgeCurve(x.age(), female)
                * emergencyRisk
                * EMERGENCY_TREND[ActivitySpan.index(x.year())];
        weights[Stream.CYP_MH.ordinal()] =
                cypMhBase[place.index()][0] * cypMhAgeCurve(x.age(), female) * PersonRisk.health(person.health(), 0.3);
        weights[Stream.ELECTIVE.ordinal()] = electiveRate(x.age())
                * PersonRisk.health(person.health(), 0.3)
                * ELECTIVE_TREND[ActivitySpan.index(x.year())];
        weights[Stream.MATERNITY.ordinal()] = female && x.age() >= 18 && x.age() < 45 ? MATERNITY_RATE : 0;
        double acscTrend = acscTrend(place, child, x.year());
        for (AcscCondition c : conditions) {
            double onRegister = c.register != null && person.hasCondition(c.register, mid) ? c.registerRateRatio : 1;
            weights[Stream.values().length + c.ordinal()] =
                    acscBase.get(c)[place.index()][g] * acscAgeCurve(x.age()) * onRegister * acscRisk * acscTrend;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        // every stream but elective and maternity writes an emergency spell (the risk model's outcome)
        out.expectedEmergencies(
                x, (total - weights[Stream.ELECTIVE.ordinal()] - weights[Stream.MATERNITY.ordinal()]) * x.years());
        int n = Draws.poisson(rng, total * x.years());
        for (int k = 0; k < n; k++) {
            int pick = Draws.pick(rng, weights);
            LocalDate admitted = Draws.dateBetween(rng, x.from(), x.to());
            Site site = icb.sites().get(Draws.pick(rng, siteShares[place.index()]));
            if (pick >= Stream.values().length) {
                acsc(conditions[pick - Stream.values().length], person, x, site, admitted, rng, out);
            } else {
                switch (Stream.values()[pick]) {
                    case GENERAL -> general(person, x, site, admitted, rng, out);
                    case CYP_MH ->
                        emergency(
                                person,
                                x,
                                site,
                                admitted,
                                "711",
                                Diagnoses.emergency(rng, "711"),
                                null,
                                null,
                                1.0,
                                NON_ELECTIVE_EPISODE,
                                rng,
                                out);
                    case ELECTIVE -> elective(person, x, site, admitted, rng, out);
                    case MATERNITY -> maternity(person, x, site, admitted, rng, out);
                }
            }
        }
    }

    private void general(
            SyntheticPerson person, Exposure x, Site site, LocalDate admitted, SplittableRandom rng, ActivityOutput out)
            throws IOException {
        String tf = TreatmentFunctions.emergency(rng, x.age(), "F".equals(person.sex()));
        String diagnosis = Diagnoses.emergency(rng, tf);
        SelfHarm.Coding selfHarm = SelfHarm.recode(person, x.age(), admitted, x.year());
        emergency(
                person,
                x,
                site,
                admitted,
                tf,
                selfHarm == null ? diagnosis : selfHarm.primary(),
                selfHarm == null ? null : selfHarm.externalCause(),
                null,
                1.0,
                NON_ELECTIVE_EPISODE,
                rng,
                out);
    }

    private void acsc(
            AcscCondition c,
            SyntheticPerson person,
            Exposure x,
            Site site,
            LocalDate admitted,
            SplittableRandom rng,
            ActivityOutput out)
            throws IOException {
        String tf = x.age() < 18 ? "420" : x.age() < 75 ? "300" : "430";
        String diagnosis = c.icd10[rng.nextInt(c.icd10.length)];
        String procedure = Draws.chance(rng, c.group.noProcedure)
                ? null
                : c.group.procedures[rng.nextInt(c.group.procedures.length)];
        emergency(
                person,
                x,
                site,
                admitted,
                tf,
                diagnosis,
                null,
                procedure,
                c.group.stayRatio,
                NON_ELECTIVE_EPISODE * c.group.costWeight * ACSC_PRICE_FACTOR,
                rng,
                out);
    }

    private void emergency(
            SyntheticPerson person,
            Exposure x,
            Site site,
            LocalDate admitted,
            String tf,
            String diagnosis,
            String externalCause,
            String procedure,
            double stayRatio,
            double episodePrice,
            SplittableRandom rng,
            ActivityOutput out)
            throws IOException {
        int stay = LengthOfStay.draw(
                rng, stays.mean("emergency", tf, site, x.year()) * stayRatio, LengthOfStay.EMERGENCY_SHAPE);
        Discharge d = Discharge.of(person, admitted, stay);
        LocalDate ready = null;
        if (d.date() != null && !d.died()) {
            int age = x.age();
            double[] factor = delayFactor[site.index()];
            double p = factor == null || age < 18 || d.stay() < 2
                    ? 0
                    : factor[ActivitySpan.index(x.year())] * (age >= 65 ? 1.6 : 0.4);
            if (Draws.chance(rng, Math.min(1, p))) {
                int delay = (int) Math.min(d.stay() - 1, 1 + Draws.negativeBinomial(rng, MEAN_DELAY_DAYS - 1, 1));
                ready = Draws.chance(rng, DELAY_RECORDED) ? d.date().minusDays(delay) : null;
            } else {
                ready = Draws.chance(rng, READY_RECORDED) ? d.date() : null;
            }
        }
        double cost = episodePrice + EXCESS_BED_DAY * Math.max(0, d.stay() - TRIM_DAYS);
        String secondary = Diagnoses.secondary(person, admitted, diagnosis);
        if (externalCause != null) { // HES puts the external cause in a secondary position
            secondary = secondary == null ? externalCause : externalCause + ";" + secondary;
        }
        String destination = d.destination(rng, x.age());
        RehabilitationUnit.Stay rehab = RehabilitationUnit.admit(icb.rehabilitationUnit(), person, x.age(), site, d);
        out.spell(
                site.provider(),
                site.code(),
                "emergency",
                admitted,
                d.date(),
                ready,
                diagnosis,
                secondary,
                procedure,
                tf,
                cost,
                rehab == null ? destination : Discharge.OTHER_HOSPITAL);
        if (rehab != null) {
            Discharge end = Discharge.of(person, rehab.admitted(), rehab.plannedDays());
            out.spell(
                    icb.rehabilitationUnit().provider(),
                    icb.rehabilitationUnit().site(),
                    "other",
                    rehab.admitted(),
                    end.date(),
                    null,
                    RehabilitationUnit.DIAGNOSIS,
                    diagnosis,
                    null,
                    RehabilitationUnit.TREATMENT_FUNCTION,
                    RehabilitationUnit.COST_PER_DAY * Math.max(1, end.stay()),
                    end.died() ? Discharge.DIED : end.date() == null ? null : Discharge.HOME);
        }
    }

    private void elective(
            SyntheticPerson person, Exposure x, Site site, LocalDate admitted, SplittableRandom rng, ActivityOutput out)
            throws IOException {
        String tf = TreatmentFunctions.elective(rng, x.age(), "F".equals(person.sex()));
        String[] dx = Diagnoses.elective(rng, tf);
        int stay = LengthOfStay.draw(rng, stays.mean("elective", tf, site, x.year()), LengthOfStay.ELECTIVE_SHAPE);
        Discharge d = Discharge.of(person, admitted, stay);
        double cost = d.stay() == 0 ? DAY_CASE : ELECTIVE_EPISODE + EXCESS_BED_DAY * Math.max(0, d.stay() - TRIM_DAYS);
        out.spell(
                site.provider(),
                site.code(),
                "elective",
                admitted,
                d.date(),
                d.date(),
                dx[0],
                Diagnoses.secondary(person, admitted, dx[0]),
                dx[1].isEmpty() ? null : dx[1],
                tf,
                cost,
                d.destination(rng, x.age()));
    }

    private void maternity(
            SyntheticPerson person, Exposure x, Site site, LocalDate admitted, SplittableRandom rng, ActivityOutput out)
            throws IOException {
        int i = rng.nextInt(Diagnoses.MATERNITY.length);
        int stay = LengthOfStay.draw(rng, stays.mean("emergency", "501", site, x.year()), LengthOfStay.OTHER_SHAPE);
        Discharge d = Discharge.of(person, admitted, stay);
        double cost = NON_ELECTIVE_EPISODE + EXCESS_BED_DAY * Math.max(0, d.stay() - TRIM_DAYS);
        String procedure = Diagnoses.MATERNITY_PROCEDURES[i];
        out.spell(
                site.provider(),
                site.code(),
                "other",
                admitted,
                d.date(),
                d.date(),
                Diagnoses.MATERNITY[i],
                null,
                procedure.isEmpty() ? null : procedure,
                "501",
                cost,
                d.destination(rng, x.age()));
    }
}
