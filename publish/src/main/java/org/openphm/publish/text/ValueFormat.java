package org.openphm.publish.text;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a figure is written in a sentence: "6.1%", "8,808 per 100,000", "1,139,000". */
public final class ValueFormat {
    private ValueFormat() {}

    public static String number(Double v) {
        if (v == null) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 || v == Math.rint(v) ? "#,##0" : a >= 10 ? "#,##0.0" : "#,##0.0#";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    public static String withUnit(Double v, String unit) {
        if (v == null) {
            return "suppressed";
        }
        if (unit == null || unit.isBlank() || unit.equals("count")) {
            return number(v);
        }
        if (unit.equals("\u00a3")) {
            return (v < 0 ? "\u2212\u00a3" : "\u00a3") + number(Math.abs(v));
        }
        String n = digits(v, unit);
        return "%".equals(unit) ? n + "%" : n + " " + unit;
    }

    /**
     * The digits of a figure with a unit. A rate or percentage keeps one decimal even when whole ("14.0%"), so
     * figures in a sentence line up; a number of things ("515 referrals", "20 days") does not.
     */
    static String digits(double v, String unit) {
        boolean rate = "%".equals(unit) || unit.contains("per ") || unit.contains("DSR") || unit.contains("year");
        return Math.abs(v) >= 1000 || !rate
                ? number(v)
                : new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    /** The figure as {@link #withUnit} writes it, without the unit: for a second figure in the same sentence. */
    public static String sameDigits(Double v, String unit) {
        if (v == null
                || unit == null
                || unit.isBlank()
                || unit.equals("count")
                || unit.equals("\u00a3")
                || unit.equals("%")) {
            return withUnit(v, unit);
        }
        return digits(v, unit);
    }

    /** A change with its sign: "+24,100", "−6,900", "+£1,200", "−0.4%" (a true minus sign). */
    public static String signed(double v, String unit) {
        return (v >= 0 ? "+" : "\u2212") + withUnit(Math.abs(v), unit);
    }

    /** "+21%" / "−4%" (with a true minus sign, which DejaVu Sans has). */
    public static String percentChange(double from, double to) {
        double pct = (to - from) / from * 100;
        long rounded = Math.round(pct);
        return (rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "") + Math.abs(rounded) + "%";
    }
}
