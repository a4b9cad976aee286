package org.openphm.synth.activity;

import java.time.LocalDate;

/** An NHS financial year (1 April to 31 March), named by the calendar year it starts in. */
record FinancialYear(int startYear) {

    /** The span of the synthetic activity: 2019/20 to 2025/26, so the pack has a pre-COVID baseline (DP 8.3). */
    static final int FIRST = 2019;
    static final int LAST = 2025;
    /** Last day of data: the end of 2025/26. */
    static final LocalDate DATA_END = LocalDate.of(LAST + 1, 3, 31);
    static final LocalDate DATA_START = LocalDate.of(FIRST, 4, 1);

    LocalDate start() { return LocalDate.of(startYear, 4, 1); }

    LocalDate end() { return LocalDate.of(startYear + 1, 3, 31); }

    /** Position in the span, 0 for 2019/20, used to index yearly trend tables. */
    int index() { return startYear - FIRST; }

    static FinancialYear of(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    String label() { return String.format("%d/%02d", startYear, (startYear + 1) % 100); }
}
