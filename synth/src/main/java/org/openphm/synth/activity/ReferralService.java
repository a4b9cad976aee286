package org.openphm.synth.activity;

import java.util.ArrayList;
import java.util.List;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * A community (CSDS) or mental health (MHSDS) service as DP 4.7 / 4.9 lists it, with the published 2023/24
 * referrals and projected growth it is calibrated to, and our assumptions about who it serves
 * (resources/activity/referral_services.csv, sources in SOURCES.md).
 *
 * @param femaleRateRatio rate for women relative to men; {@code NaN} for services for women only
 * @param register        register whose patients are referred more often, or null
 */
record ReferralService(
        String dataset,
        String name,
        double referrals2023,
        double growth2033,
        double growth2043,
        int minAge,
        int maxAge,
        double femaleRateRatio,
        String register,
        double registerRateRatio,
        double meanWaitDays,
        double meanEpisodeDays) {

    boolean womenOnly() {
        return Double.isNaN(femaleRateRatio);
    }

    double sexRatio(boolean female) {
        if (womenOnly()) {
            return female ? 1 : 0;
        }
        return female ? femaleRateRatio : 1;
    }

    /** The ICB whose data pack the catalogue's counts are from: the built-in default's (BLMK). */
    static SyntheticIcbDefinition catalogueIcb() {
        return SyntheticIcbDefinition.defaultIcb();
    }

    static List<ReferralService> load() {
        List<ReferralService> services = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(ReferralService.class, "/activity/referral_services.csv")) {
            services.add(new ReferralService(
                    r.get("dataset"),
                    r.get("service"),
                    r.number("target_2023_24"),
                    r.number("growth_2033_34_pct") / 100,
                    r.number("growth_2043_44_pct") / 100,
                    r.integer("min_age"),
                    r.integer("max_age"),
                    r.get("female_rr").equals("F") ? Double.NaN : r.number("female_rr"),
                    r.optional("condition").isEmpty() ? null : r.get("condition"),
                    r.optional("condition_rr").isEmpty() ? 1 : r.number("condition_rr"),
                    r.number("mean_wait_days"),
                    r.number("mean_episode_days")));
        }
        return services;
    }
}
