package org.openphm.model;

import java.time.LocalDate;

/**
 * An NHS financial year, 1 April to 31 March, labelled "2024/25". Registers and list sizes are counted at its
 * end (QOF counts at 31 March), events within it. The one financial year of the project: the analyses and the
 * synthetic data generator both use it (the query model's {@code Expr.FinancialYear} is a node that computes it).
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static FinancialYear parse(String label) {
        if (label == null || !label.matches("\\d{4}/\\d{2}")) {
            throw new IllegalArgumentException("a financial year looks like 2024/25, not '" + label + "'");
        }
        int start = Integer.parseInt(label.substring(0, 4));
        if ((start + 1) % 100 != Integer.parseInt(label.substring(5))) {
            throw new IllegalArgumentException("'" + label + "' is not a financial year: the years must follow");
        }
        return new FinancialYear(start);
    }

    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    /** "2024/25"; built by hand rather than String.format, as it labels every counted cell. */
    public String label() {
        int next = (startYear + 1) % 100;
        return startYear + (next < 10 ? "/0" : "/") + next;
    }

    @Override
    public int compareTo(FinancialYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
