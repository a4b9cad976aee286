package org.openphm.synth.activity;

import java.time.LocalDate;
import org.openphm.model.FinancialYear;

/** The span of the synthetic activity: 2019/20 to 2025/26, so the pack has a pre-COVID baseline (DP 8.3). */
final class ActivitySpan {

    /** Start year of the first financial year generated, 2019/20. */
    static final int FIRST = 2019;
    /** Start year of the last financial year generated, 2025/26. */
    static final int LAST = 2025;
    /** Last day of data: the end of 2025/26. */
    static final LocalDate DATA_END = new FinancialYear(LAST).end();

    static final LocalDate DATA_START = new FinancialYear(FIRST).start();

    private ActivitySpan() {}

    /** Position of a year in the span, 0 for 2019/20, used to index yearly trend tables. */
    static int index(FinancialYear year) {
        return year.startYear() - FIRST;
    }
}
