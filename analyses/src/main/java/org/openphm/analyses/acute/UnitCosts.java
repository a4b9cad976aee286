package org.openphm.analyses.acute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Costs of a delayed-discharge bed night (resources unit_costs.csv; sources in SOURCES.md).
 *
 * @param delayedDischargeNight  £ per night, The King's Fund 2022/23 estimate
 * @param delayedDischargeSource its source and price year, for the analysis's method text
 */
public record UnitCosts(double delayedDischargeNight, String delayedDischargeSource) {

    /** The range the data pack specification (DP 8.13, 11.6: £350-£400 per bed day) gives for costing delay days. */
    public static final double RANGE_LOW = 350, RANGE_HIGH = 400;

    public static UnitCosts load() {
        try (InputStream in = UnitCosts.class.getResourceAsStream("unit_costs.csv")) {
            if (in == null) {
                throw new IllegalStateException("unit_costs.csv missing from the analyses resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                List<String> f = AcscCodeList.splitCsv(line);
                if (f.get(0).equals("delayed_discharge_bed_day")) {
                    return new UnitCosts(Double.parseDouble(f.get(2)), f.get(5) + ", " + f.get(4));
                }
            }
            throw new IllegalStateException("unit_costs.csv has no delayed_discharge_bed_day row");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
