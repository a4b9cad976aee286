package org.openphm.stats;

/**
 * An indicator value with one confidence interval, in the shape of one Fingertips result row.
 *
 * <p>Missing values are {@link Double#NaN} (R's {@code NA} in the reference package). When a
 * method declines to publish a value (for example a DSR from fewer than 10 events) the value and
 * limits are NaN and {@link #note()} says why, as the reference package's "statistic" column does.
 *
 * @param value      the indicator value (already multiplied by the indicator's multiplier)
 * @param lower      lower confidence limit
 * @param upper      upper confidence limit
 * @param confidence the confidence level as a fraction (0.95, 0.998)
 * @param method     the CI method, in the reference package's words ("Wilson", "Byars", "Exact", ...)
 * @param note       why a value is missing, or the empty string
 */
public record Estimate(double value, double lower, double upper, double confidence, String method, String note) {

    public Estimate {
        method = method == null ? "" : method;
        note = note == null ? "" : note;
    }

    /** An estimate with no value and no limits, for example from missing inputs. */
    public static Estimate missing(double confidence, String method, String note) {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN, confidence, method, note);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }
}
