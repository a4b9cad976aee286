package org.openphm.analyses.impact;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * One uncertain parameter of a scenario, as the New Hospital Programme model writes its parameters: an interval
 * with a distribution. A run draws a value by the inverse of the distribution at a uniform number, so a seed and
 * a run number always give the same value, whatever order parameters are drawn in.
 *
 * <p>"normal" reads low and high as the 10th and 90th centiles (the NHP convention for its 80% intervals).
 * An interval of width zero is a fixed value: every run gets it, so a scenario of fixed values is deterministic.
 */
public record Interval(double low, double high, Shape shape, Double mode) {

    public enum Shape {
        UNIFORM,
        TRIANGULAR,
        NORMAL
    }

    /** z of the 90th centile: low and high of a normal interval are mean ∓ this many standard deviations. */
    private static final double Z90 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.9);

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
        if (shape == Shape.TRIANGULAR && (mode == null || mode < low || mode > high)) {
            throw new IllegalArgumentException("a triangular interval needs a mode between low and high");
        }
    }

    public static Interval fixed(double value) {
        return new Interval(value, value, Shape.UNIFORM, null);
    }

    public static Interval uniform(double low, double high) {
        return new Interval(low, high, Shape.UNIFORM, null);
    }

    public boolean isFixed() {
        return low == high;
    }

    /** The value at cumulative probability u in (0, 1). */
    public double at(double u) {
        if (isFixed()) {
            return low;
        }
        ContinuousDistribution d = switch (shape) {
            case UNIFORM -> UniformContinuousDistribution.of(low, high);
            case TRIANGULAR -> TriangularDistribution.of(low, mode, high);
            case NORMAL -> NormalDistribution.of((low + high) / 2, (high - low) / (2 * Z90));
        };
        return d.inverseCumulativeProbability(u);
    }

    /** The expected value: what a deterministic (central) run uses. */
    public double centre() {
        return switch (shape) {
            case UNIFORM, NORMAL -> (low + high) / 2;
            case TRIANGULAR -> (low + high + mode) / 3;
        };
    }

    /** From a scenario file's field, already schema-checked: a number, or {low, high, distribution, mode}. */
    static Interval read(JsonNode node, Interval otherwise, String field) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        if (node.isNumber()) {
            return fixed(node.asDouble());
        }
        Shape shape = node.has("distribution")
                ? Shape.valueOf(node.get("distribution").asText().toUpperCase(java.util.Locale.ROOT))
                : Shape.UNIFORM;
        try {
            return new Interval(
                    node.get("low").asDouble(),
                    node.get("high").asDouble(),
                    shape,
                    node.has("mode") ? node.get("mode").asDouble() : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + field + ": " + e.getMessage(), e);
        }
    }

    /** As a scenario file writes it. */
    public String describe() {
        if (isFixed()) {
            return fmt(low);
        }
        String s = fmt(low) + " to " + fmt(high);
        return switch (shape) {
            case UNIFORM -> s;
            case TRIANGULAR -> s + " (triangular, mode " + fmt(mode) + ")";
            case NORMAL -> s + " (normal, 10th to 90th centile)";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
