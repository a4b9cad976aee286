package org.openphm.analyses.impact;

/**
 * The costs a scenario may leave to the workspace: a community and a mental health referral cost the year's
 * spend (finance_spend, by category) over the year's referrals. Without spend, they cost nothing and
 * {@link #note} says so, rather than inventing a price.
 */
record ResolvedCosts(double communityReferralGbp, double mentalHealthReferralGbp, String note) {

    static ResolvedCosts of(ImpactBaseline b) {
        double community =
                b.total(Quantity.COMMUNITY_REFERRALS_18_PLUS) + b.total(Quantity.COMMUNITY_REFERRALS_UNDER_18);
        double mentalHealth = b.total(Quantity.MENTAL_HEALTH_REFERRALS);
        double c = b.communitySpendGbp() != null && community > 0 ? b.communitySpendGbp() / community : 0;
        double m = b.mentalHealthSpendGbp() != null && mentalHealth > 0 ? b.mentalHealthSpendGbp() / mentalHealth : 0;
        String note =
                (c == 0 ? "No community spend for " + b.baseline() + ": community referrals are not costed. " : "")
                        + (m == 0
                                ? "No mental health spend for " + b.baseline()
                                        + ": mental health referrals are not costed."
                                : "");
        return new ResolvedCosts(c, m, note.trim());
    }

    Interval fallback(ScenarioParameter p) {
        return switch (p) {
            case COMMUNITY_REFERRAL_GBP -> Interval.fixed(communityReferralGbp);
            case MENTAL_HEALTH_REFERRAL_GBP -> Interval.fixed(mentalHealthReferralGbp);
            default -> throw new IllegalStateException(p + " has a default of its own");
        };
    }
}
