package org.openphm.analyses.qof;

import org.openphm.model.Totals;

/**
 * A QOF register as the data pack shows it (DP 5 definitions table, DP 3.3 for SMI).
 *
 * @param id         register id of the canonical condition table
 * @param minAge     the register's denominator age base (model's org/openphm/reference/qof_registers.csv, NHS Digital
 *                   PREVIOUS_PREVALENCE.csv): dividing by the all-age list understates prevalence
 * @param section    the data-pack section that shows it
 * @param definition the definition as the data pack states it
 */
public record QofRegister(String id, String name, int minAge, String section, String definition) {

    /** Fingertips-style age label: "All ages" or "17+ yrs". */
    public String ageLabel() {
        return minAge == 0 ? Totals.ALL_AGES : minAge + "+ yrs";
    }

    public String indicatorId() {
        return "qof-prevalence-" + id.toLowerCase();
    }

    public String indicatorName() {
        return name + ": QOF prevalence (" + (minAge == 0 ? "all ages" : minAge + "+ yrs") + ")";
    }
}
