package org.openphm.analyses.impact;

/**
 * What the baseline counts in each cell (Place × sex × age band × IMD quintile × ethnic group) of the baseline
 * year, the quantities every projection multiplies. Emergency admissions are split into the parts a mitigator
 * acts on, each spell in the first part that takes it: end of life, then ACSC, then frequent attender, then the
 * rest; each part keeps its spells, bed days, clinically-ready delay days, cost and bed days of people 65+.
 */
public enum Quantity {
    POPULATION,
    POPULATION_0_19,
    EOL_SPELLS,
    EOL_BED_DAYS,
    EOL_DELAY_DAYS,
    EOL_COST,
    EOL_BED_DAYS_65,
    ACSC_SPELLS,
    ACSC_BED_DAYS,
    ACSC_DELAY_DAYS,
    ACSC_COST,
    ACSC_BED_DAYS_65,
    FREQUENT_SPELLS,
    FREQUENT_BED_DAYS,
    FREQUENT_DELAY_DAYS,
    FREQUENT_COST,
    FREQUENT_BED_DAYS_65,
    OTHER_SPELLS,
    OTHER_BED_DAYS,
    OTHER_DELAY_DAYS,
    OTHER_COST,
    OTHER_BED_DAYS_65,
    ELECTIVE_SPELLS,
    ELECTIVE_BED_DAYS,
    ELECTIVE_DELAY_DAYS,
    ELECTIVE_COST,
    ELECTIVE_BED_DAYS_65,
    COMMUNITY_REFERRALS_18_PLUS,
    COMMUNITY_REFERRALS_UNDER_18,
    MENTAL_HEALTH_REFERRALS;

    /** The five parts of admitted activity, in the order a spell is assigned to them. */
    public enum Part {
        EOL,
        ACSC,
        FREQUENT,
        OTHER,
        ELECTIVE;

        public Quantity spells() {
            return Quantity.valueOf(name() + "_SPELLS");
        }

        public Quantity bedDays() {
            return Quantity.valueOf(name() + "_BED_DAYS");
        }

        public Quantity delayDays() {
            return Quantity.valueOf(name() + "_DELAY_DAYS");
        }

        public Quantity cost() {
            return Quantity.valueOf(name() + "_COST");
        }

        public Quantity bedDays65() {
            return Quantity.valueOf(name() + "_BED_DAYS_65");
        }

        public boolean emergency() {
            return this != ELECTIVE;
        }
    }

    /** The activity whose age curve a quantity follows for the health-status adjustment; none for population. */
    public Quantity curve() {
        if (this == POPULATION || this == POPULATION_0_19) {
            return null;
        }
        String n = name();
        for (Part p : Part.values()) {
            if (n.startsWith(p.name() + "_")) {
                return p.spells();
            }
        }
        return this;
    }
}
