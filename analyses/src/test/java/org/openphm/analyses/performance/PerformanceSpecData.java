package org.openphm.analyses.performance;

import java.time.YearMonth;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * Hand-made performance_metric rows for the specification tests.
 *
 * <pre>
 * vw_occupancy / QHG: the twelve months DP 7.2 prints (Jul-24..Jun-25), value, threshold, regional, national
 *   as printed, target 80; ranks 6 and 27 printed at Jun-25 only.
 * spc_demo / QHG: 16 months Jan-24..Apr-25, alternating 10, 12, 10, ... (15 points), then 20; target 15;
 *   polarity high. Worked by hand in the test.
 * </pre>
 */
final class PerformanceSpecData {
    private PerformanceSpecData() {}

    static final double[] OCCUPANCY = {
        86.00, 71.50, 62.40, 75.90, 65.88, 75.60, 32.90, 71.50, 74.70, 81.60, 60.90, 62.10
    };
    static final double[] THRESHOLD = {
        80.00, 80.26, 80.19, 80.19, 80.19, 80.18, 80.06, 80.00, 80.00, 80.00, 80.00, 80.00
    };
    static final double[] REGIONAL = {91.33, 84.30, 77.88, 95.23, 76.90, 82.50, 77.24, 83.82, 86.25, 83.91, 85.70, 88.30
    };
    static final double[] NATIONAL = {73.90, 68.00, 69.51, 78.20, 77.05, 75.40, 80.50, 73.40, 76.20, 73.40, 75.00, 77.60
    };

    static SpecTable metrics() {
        SpecTable.Builder b = SpecTable.canonical(
                CanonicalSchema.PERFORMANCE_METRIC,
                "metric_id",
                "name",
                "unit",
                "polarity",
                "org_code",
                "month",
                "value",
                "threshold",
                "target",
                "regional_value",
                "national_value",
                "regional_rank",
                "national_rank");
        YearMonth m = YearMonth.of(2024, 7);
        for (int i = 0; i < OCCUPANCY.length; i++, m = m.plusMonths(1)) {
            boolean last = i == OCCUPANCY.length - 1;
            b.row(
                    "vw_occupancy",
                    "Virtual wards occupancy",
                    "%",
                    "high",
                    "QHG",
                    m.toString(),
                    OCCUPANCY[i],
                    THRESHOLD[i],
                    80.0,
                    REGIONAL[i],
                    NATIONAL[i],
                    last ? 6 : null,
                    last ? 27 : null);
        }
        m = YearMonth.of(2024, 1);
        for (int i = 0; i < 16; i++, m = m.plusMonths(1)) {
            double v = i == 15 ? 20.0 : i % 2 == 0 ? 10.0 : 12.0;
            b.row(
                    "spc_demo",
                    "SPC demonstration",
                    "count",
                    "high",
                    "QHG",
                    m.toString(),
                    v,
                    null,
                    15.0,
                    null,
                    null,
                    null,
                    null);
        }
        return b.build();
    }
}
