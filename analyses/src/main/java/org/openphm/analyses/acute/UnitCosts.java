package org.openphm.analyses.acute;

/**
 * Costs of a delayed-discharge bed night, from the model's published unit costs.
 *
 * @param delayedDischargeNight  £ per night, The King's Fund 2022/23 estimate
 * @param delayedDischargeSource its source and price year, for the analysis's method text
 */
public record UnitCosts(double delayedDischargeNight, String delayedDischargeSource) {

    /** The range the data pack specification (DP 8.13, 11.6: £350-£400 per bed day) gives for costing delay days. */
    public static final double RANGE_LOW = 350, RANGE_HIGH = 400;

    public static UnitCosts load() {
        var night = org.openphm.model.UnitCosts.of("delayed_discharge_bed_day");
        return new UnitCosts(night.gbp(), night.source() + ", " + night.period());
    }
}
