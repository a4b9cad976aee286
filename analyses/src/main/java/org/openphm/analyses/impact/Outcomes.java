package org.openphm.analyses.impact;

import static org.openphm.analyses.impact.ScenarioParameter.*;

import java.util.List;

/**
 * From an area's stage sums in a year to its outcomes: where each mitigator, growth rate, cost and staffing ratio
 * acts. Each mitigator removes its share (phased in) of the part of activity it is about; bed days fall with the
 * spells they belong to, then with shorter stays and fewer delays; virtual wards take bed days of people 65+;
 * a shifted admission becomes community contacts. Costs: a spell's own cost (SUS), less the bed days saved at
 * the bed-day cost, plus virtual ward days and community contacts at theirs; referrals at cost per referral.
 */
final class Outcomes {
    private Outcomes() {}

    private static final Outcome[] STAFF = {
        Outcome.WTE, Outcome.WTE_COMMUNITY, Outcome.WTE_MENTAL_HEALTH, Outcome.WTE_CHILDREN
    };

    static void compute(
            double[][] a, double[][] base, int t, Draw d, ImpactModel.Switches s, boolean icb, double[] out) {
        double phase = d.phase(t);
        List<ScenarioParameter> mitigators = ScenarioParameter.MITIGATORS;
        double[] m = new double[mitigators.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = i < s.mitigators() ? d.value(mitigators.get(i)) / 100 * phase : 0;
        }
        double acsc = m[0],
                frequent = m[1],
                endOfLife = m[2],
                los = m[3],
                delay = m[4],
                virtualWard = m[5],
                shift = m[6];
        double gEmergency = growth(d, GROWTH_EMERGENCY, t, s);
        double gElective = growth(d, GROWTH_ELECTIVE, t, s);
        double gCommunity = growth(d, GROWTH_COMMUNITY, t, s);
        double gMental = growth(d, GROWTH_MENTAL_HEALTH, t, s);
        double bedDay = d.value(BED_DAY_GBP);

        double emergencySpells = 0, emergencyBedDays = 0, bedDays65 = 0, acuteCost = 0;
        for (Quantity.Part part : Quantity.Part.values()) {
            if (!part.emergency()) {
                continue;
            }
            double keep = 1
                    - switch (part) {
                        case EOL -> endOfLife;
                        case ACSC -> acsc;
                        case FREQUENT -> frequent;
                        default -> shift;
                    };
            double[] r = admitted(a, t, part, gEmergency * keep, los, delay);
            emergencySpells += r[0];
            emergencyBedDays += r[1];
            bedDays65 += r[2];
            acuteCost += r[3] - r[4] * bedDay;
        }
        double virtualWardDays = virtualWard * bedDays65;
        emergencyBedDays -= virtualWardDays;
        acuteCost += virtualWardDays * (d.value(VIRTUAL_WARD_DAY_GBP) - bedDay);
        double shifted = a[Quantity.OTHER_SPELLS.ordinal()][t] * gEmergency * shift;
        double contacts = shifted * d.value(CONTACTS_PER_SHIFTED_SPELL);
        acuteCost += contacts * d.value(COMMUNITY_CONTACT_GBP);
        double[] elective = admitted(a, t, Quantity.Part.ELECTIVE, gElective, los, delay);
        acuteCost += elective[3] - elective[4] * bedDay;

        double community18 = a[Quantity.COMMUNITY_REFERRALS_18_PLUS.ordinal()][t] * gCommunity;
        double communityUnder18 = a[Quantity.COMMUNITY_REFERRALS_UNDER_18.ordinal()][t] * gCommunity;
        double mental = a[Quantity.MENTAL_HEALTH_REFERRALS.ordinal()][t] * gMental;
        double communityMentalCost = (community18 + communityUnder18) * d.value(COMMUNITY_REFERRAL_GBP)
                + mental * d.value(MENTAL_HEALTH_REFERRAL_GBP);
        double efficiency = s.efficiency() ? Math.pow(1 - d.value(EFFICIENCY) / 100, t) : 1;
        double inflation = s.inflation() ? Math.pow(1 + d.value(INFLATION) / 100, t) : 1;
        double bedDays = emergencyBedDays + elective[1];

        out[Outcome.POPULATION.ordinal()] = a[Quantity.POPULATION.ordinal()][t];
        out[Outcome.EMERGENCY_ADMISSIONS.ordinal()] = emergencySpells;
        out[Outcome.ELECTIVE_ADMISSIONS.ordinal()] = elective[0];
        out[Outcome.BED_DAYS.ordinal()] = bedDays;
        out[Outcome.BEDS.ordinal()] = bedDays / 365 / (d.value(OCCUPANCY) / 100);
        out[Outcome.VIRTUAL_WARD_DAYS.ordinal()] = virtualWardDays;
        out[Outcome.COMMUNITY_REFERRALS.ordinal()] = community18;
        out[Outcome.COMMUNITY_REFERRALS_UNDER_18.ordinal()] = communityUnder18;
        out[Outcome.MENTAL_HEALTH_REFERRALS.ordinal()] = mental;
        out[Outcome.SHIFTED_COMMUNITY_CONTACTS.ordinal()] = contacts;
        out[Outcome.COST.ordinal()] = (acuteCost + communityMentalCost) * efficiency;
        out[Outcome.COST_CASH.ordinal()] = (acuteCost + communityMentalCost) * efficiency * inflation;
        out[Outcome.COMMUNITY_MENTAL_HEALTH_COST_CASH.ordinal()] = communityMentalCost * efficiency * inflation;
        if (icb) {
            Draw.StaffTotals staff = d.staff();
            out[Outcome.WTE_COMMUNITY.ordinal()] = staff.community()
                    * index(community18, base, Quantity.COMMUNITY_REFERRALS_18_PLUS)
                    * productivity(d, PRODUCTIVITY_COMMUNITY, t, s);
            out[Outcome.WTE_MENTAL_HEALTH.ordinal()] = staff.mentalHealth()
                    * index(mental, base, Quantity.MENTAL_HEALTH_REFERRALS)
                    * productivity(d, PRODUCTIVITY_MENTAL_HEALTH, t, s);
            out[Outcome.WTE_CHILDREN.ordinal()] = staff.children()
                    * index(a[Quantity.POPULATION_0_19.ordinal()][t], base, Quantity.POPULATION_0_19)
                    * productivity(d, PRODUCTIVITY_CHILDREN, t, s);
            out[Outcome.WTE.ordinal()] = out[Outcome.WTE_COMMUNITY.ordinal()]
                    + out[Outcome.WTE_MENTAL_HEALTH.ordinal()]
                    + out[Outcome.WTE_CHILDREN.ordinal()]
                    + staff.other();
        } else {
            for (Outcome o : STAFF) {
                out[o.ordinal()] = Double.NaN;
            }
        }
        out[Outcome.FUNDING_GAP.ordinal()] = Double.NaN;
    }

    /** spells, bed days, bed days 65+, cost before bed days saved, bed days saved, for one part of admissions. */
    private static double[] admitted(double[][] a, int t, Quantity.Part part, double scale, double los, double delay) {
        double spells = a[part.spells().ordinal()][t] * scale;
        double allDays = a[part.bedDays().ordinal()][t] * scale;
        double delayDays = a[part.delayDays().ordinal()][t] * scale;
        double days = delayDays * (1 - delay) + (allDays - delayDays) * (1 - los);
        double days65 = allDays > 0 ? a[part.bedDays65().ordinal()][t] * scale / allDays * days : 0;
        return new double[] {spells, days, days65, a[part.cost().ordinal()][t] * scale, allDays - days};
    }

    private static double growth(Draw d, ScenarioParameter p, int t, ImpactModel.Switches s) {
        return s.growth() ? Math.pow(1 + d.value(p) / 100, t) : 1;
    }

    // DP 12.1's staff needed: each service area's WTE times its demand index (community: referrals 18+; mental
    // health: referrals; children: people aged 0-19), less productivity once efficiencies are on.

    /** Demand over the baseline's; 1 where the baseline had none (nothing to scale). */
    private static double index(double demand, double[][] base, Quantity q) {
        double b = base[q.ordinal()][0];
        return b > 0 ? demand / b : 1;
    }

    private static double productivity(Draw d, ScenarioParameter p, int t, ImpactModel.Switches s) {
        return s.efficiency() ? Math.pow(1 - d.value(p) / 100, t) : 1;
    }

    /**
     * The funding gap of the ICB in cash from the allocation year: spending (allocation plus the underlying
     * deficit) grows as the modelled cost in cash does; funding grows at the drawn rate.
     */
    static void fundingGap(double[][] series, Draw d, boolean icb) {
        Scenario.Finance f = d.scenario().finance();
        double[] gap = series[Outcome.FUNDING_GAP.ordinal()];
        java.util.Arrays.fill(gap, Double.NaN);
        if (!icb || f.allocationGbp() == null) {
            return;
        }
        int from = f.allocationYear().startYear() - d.scenario().baseline().startYear();
        double[] cash = series[Outcome.COST_CASH.ordinal()];
        if (from < 0 || from >= cash.length || cash[from] <= 0) {
            return;
        }
        double spending = f.allocationGbp() + (f.underlyingDeficitGbp() == null ? 0 : f.underlyingDeficitGbp());
        double growth = d.value(FUNDING_GROWTH) / 100;
        for (int t = from; t < cash.length; t++) {
            gap[t] = spending * cash[t] / cash[from] - f.allocationGbp() * Math.pow(1 + growth, t - from);
        }
    }
}
