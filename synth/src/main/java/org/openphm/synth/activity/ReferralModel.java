package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.Place;

/**
 * Referrals to community (CSDS) and mental health (MHSDS) services, DP 4.7-4.10, 8.2, 8.3.
 *
 * <p>Each service has a rate per person-year = base × age profile × sex ratio × register ratio × health ×
 * deprivation × year trend. The age profile is fitted to the DP's projected growth (AgeProfile.fit), the base
 * makes the expected 2023/24 count over the reference population equal to the DP's count. A share of
 * referrals reaches the data with no team type (the DP's "N/A" row, DP 9): those are extra referrals, so the
 * recorded counts still match the DP.
 */
final class ReferralModel {

    /** Share of referrals submitted with no team type (assumed; the DP says "many"). */
    static final double CSDS_UNRECORDED = 0.15;

    static final double MHSDS_UNRECORDED = 0.10;

    /** Referral volumes relative to 2023/24 by financial year 2019/20..2025/26 (COVID dip in 2020/21). */
    private static final double[] COMMUNITY_TREND = {0.90, 0.78, 0.90, 0.96, 1.00, 1.03, 1.06};

    private static final double[] ADULT_MH_TREND = {0.88, 0.82, 0.92, 0.97, 1.00, 1.03, 1.06};
    /** Children's MH referrals, where a Place's definition does not give its own (cyp_mh_referrals). */
    private static final double[] CYP_MH_TREND = {0.75, 0.65, 0.85, 0.92, 1.00, 1.05, 1.08};
    /** Share of children's MH referrals accepted, rising modestly (DP 8.2), where a Place gives none. */
    private static final double[] CYP_ACCEPTED = {0.55, 0.55, 0.56, 0.57, 0.58, 0.60, 0.61};

    private static final double ADULT_ACCEPTED = 0.93;

    private static final String[] COMMUNITY_SOURCES = {"GP", "Acute", "Self", "Social care", "Other"};
    private static final double[] COMMUNITY_SOURCE_WEIGHTS = {0.45, 0.30, 0.10, 0.08, 0.07};
    private static final String[] ADULT_MH_SOURCES = {"GP", "Self", "Acute", "Justice", "Other"};
    private static final double[] ADULT_MH_SOURCE_WEIGHTS = {0.50, 0.15, 0.20, 0.05, 0.10};
    private static final String[] CYP_MH_SOURCES = {"GP", "Education", "Self or carer", "Acute", "Other"};
    private static final double[] CYP_MH_SOURCE_WEIGHTS = {0.35, 0.35, 0.15, 0.10, 0.05};

    /**
     * A service with its age profile and base rate, and its register's prevalence by age (null where the register plays
     * no part): looked up for every person and year, it is read from the reference population once per age here.
     */
    record Calibrated(ReferralService service, AgeProfile profile, double base, double[] prevalence) {
        /** Ages the prevalence is kept for; an older age is looked up as it comes. */
        static final int AGES = 130;

        Calibrated(ReferralService service, AgeProfile profile, double base, ReferencePopulation reference) {
            this(service, profile, base, byAge(service, reference));
        }

        private static double[] byAge(ReferralService s, ReferencePopulation reference) {
            if (s.register() == null || s.registerRateRatio() == 1) {
                return null;
            }
            double[] p = new double[AGES];
            for (int age = 0; age < AGES; age++) {
                p[age] = reference.prevalence(s.register(), age);
            }
            return p;
        }

        /** The person's register rate ratio ({@link PersonRisk#register}). */
        double registerRatio(SyntheticPerson person, LocalDate on, int age, ReferencePopulation reference) {
            if (prevalence == null) {
                return 1;
            }
            double p = age >= 0 && age < AGES ? prevalence[age] : reference.prevalence(service.register(), age);
            return PersonRisk.register(person, service.register(), service.registerRateRatio(), on, p);
        }
    }

    /**
     * Corrections for services whose register multiplier meets a register that is itself concentrated in the
     * sick and deprived, which the one-at-a-time calibration cannot see. Measured at full scale (seed
     * 20250331): Respiratory Service (COPD-driven) 1,241 referrals in 2023/24 against DP 4.7's 1,121; Memory
     * Services (dementia-driven) 5,679 against DP 4.9's 5,337.
     */
    private static final java.util.Map<String, Double> JOINT_RISK = java.util.Map.of(
            "Respiratory Service", 1121.0 / 1241, "Memory Services/Clinic/Drop in service", 5337.0 / 5679);

    private final List<Calibrated> services = new ArrayList<>();
    private final ReferencePopulation reference;

    ReferralModel(ReferencePopulation reference, List<ReferralService> catalogue) {
        this.reference = reference;
        // The catalogue's counts are the BLMK data pack's (DP 4.7-4.10), for BLMK's registered patients: another ICB
        // has as many per patient. (Before 7 December each ICB had them as its own total, whatever its size: a
        // Northmoor of 620,000 people was referred as often as BLMK's 1.14 million.)
        double perCatalogueIcb = (double) reference.icb().registeredPatients()
                / ReferralService.catalogueIcb().registeredPatients();
        for (ReferralService s : catalogue) {
            AgeProfile profile = AgeProfile.fit(
                    reference,
                    s.minAge(),
                    s.maxAge(),
                    s.womenOnly() ? 1 : s.femaleRateRatio(),
                    s.womenOnly(),
                    s.growth2033(),
                    s.growth2043());
            // register and other person multipliers average 1, so the base needs only age and sex
            double expected =
                    reference.expected(st -> profile.rate(st.age()) * s.sexRatio(st.female()), new FinancialYear(2023));
            services.add(new Calibrated(
                    s,
                    profile,
                    s.referrals2023() * perCatalogueIcb / expected * JOINT_RISK.getOrDefault(s.name(), 1.0),
                    reference));
        }
    }

    List<Calibrated> services() {
        return services;
    }

    void emit(SyntheticPerson person, Exposure x, SplittableRandom rng, ActivityOutput out) throws IOException {
        Place place = reference.icb().place(person.placeCode());
        boolean female = "F".equals(person.sex());
        LocalDate mid = x.mid();
        double personFactor =
                PersonRisk.health(person.health(), 0.3) * PersonRisk.deprivation(person.imdDecile(), 0.15);
        double[] weights = new double[services.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Calibrated c = services.get(i);
            ReferralService s = c.service();
            double rate = c.profile().rate(x.age());
            if (rate == 0) {
                continue;
            }
            boolean mh = s.dataset().equals("MHSDS");
            rate *= c.base()
                    * s.sexRatio(female)
                    * c.registerRatio(person, mid, x.age(), reference)
                    * trend(mh, place, x.age(), x.year())
                    / (1 - (mh ? MHSDS_UNRECORDED : CSDS_UNRECORDED));
            weights[i] = rate;
            total += rate;
        }
        int n = Draws.poisson(rng, total * personFactor * x.years());
        // a second referral of one person to one service on the same day is one referral in any real system
        // (and would duplicate the waiting-list key), so it moves to another day of the year
        java.util.Set<String> referredOn = new java.util.HashSet<>();
        for (int k = 0; k < n; k++) {
            write(services.get(Draws.pick(rng, weights)).service(), person, place, x, rng, out, referredOn);
        }
    }

    static double trend(boolean mentalHealth, Place place, int age, FinancialYear year) {
        int y = ActivitySpan.index(year);
        if (!mentalHealth) {
            return COMMUNITY_TREND[y];
        }
        if (age < 18) {
            return place.cypMhReferrals() != null ? place.cypMhReferrals().trend()[y] : CYP_MH_TREND[y];
        }
        return ADULT_MH_TREND[y];
    }

    private void write(
            ReferralService s,
            SyntheticPerson person,
            Place place,
            Exposure x,
            SplittableRandom rng,
            ActivityOutput out,
            java.util.Set<String> referredOn)
            throws IOException {
        boolean mh = s.dataset().equals("MHSDS");
        boolean child = x.age() < 18;
        LocalDate referred = Draws.dateBetween(rng, x.from(), x.to());
        for (long tries = x.to().toEpochDay() - x.from().toEpochDay();
                !referredOn.add(s.name() + '|' + referred);
                tries--) {
            if (tries <= 0) {
                return; // every day of a very short exposure already has a referral to this service
            }
            referred = referred.isBefore(x.to()) ? referred.plusDays(1) : x.from();
        }
        String provider = place.community().providerOf(s.dataset(), s.name(), x.age());
        boolean recorded = !Draws.chance(rng, mh ? MHSDS_UNRECORDED : CSDS_UNRECORDED);
        double acceptRate = mh && child
                ? (place.cypMhReferrals() != null ? place.cypMhReferrals().accepted() : CYP_ACCEPTED)
                        [ActivitySpan.index(FinancialYear.containing(referred))]
                : ADULT_ACCEPTED;
        boolean accepted = Draws.chance(rng, acceptRate);
        String source = source(rng, s, mh, child);

        LocalDate firstContact = null, discharged = null, waitEnd;
        if (accepted) {
            LocalDate contact = referred.plusDays(Draws.exponentialDays(
                    rng, reference.icb().communityWait(provider, s.dataset(), s.name(), x.age(), s.meanWaitDays())));
            if (!contact.isAfter(x.lastDay())) {
                firstContact = contact;
                LocalDate end = contact.plusDays(Draws.exponentialDays(rng, s.meanEpisodeDays()));
                discharged = end.isAfter(x.lastDay()) ? null : end;
                waitEnd = contact;
            } else {
                // still waiting when the person died, moved away or the data ends
                waitEnd = x.lastDay().plusDays(1);
            }
        } else {
            LocalDate closed = referred.plusDays(rng.nextInt(15));
            discharged = closed.isAfter(x.lastDay()) ? null : closed;
            waitEnd = referred;
        }
        String service = recorded ? s.name() : null;
        out.referral(s.dataset(), provider, service, referred, firstContact, discharged, source, accepted);
        if (recorded && accepted) {
            WaitingSnapshots.write(out, provider, service, referred, waitEnd);
        }
    }

    private static String source(SplittableRandom rng, ReferralService s, boolean mh, boolean child) {
        if (!mh) {
            return COMMUNITY_SOURCES[Draws.pick(rng, COMMUNITY_SOURCE_WEIGHTS)];
        }
        if (s.name().startsWith("Criminal Justice")) {
            return "Justice";
        }
        return child
                ? CYP_MH_SOURCES[Draws.pick(rng, CYP_MH_SOURCE_WEIGHTS)]
                : ADULT_MH_SOURCES[Draws.pick(rng, ADULT_MH_SOURCE_WEIGHTS)];
    }
}
