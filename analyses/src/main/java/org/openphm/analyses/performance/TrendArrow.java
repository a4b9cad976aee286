package org.openphm.analyses.performance;

import java.util.List;

/**
 * The dashboards' own trend arrow (DP 7.2, 7.4-7.6, 8.12: "Current Month Against Previous 6 Points Average"):
 * the current point compared with the mean of the six points before it. It says which way the number moved,
 * not whether that is good (the SPC icons do that) nor whether it is more than noise.
 */
public enum TrendArrow {
    UP("↑"),
    DOWN("↓"),
    LEVEL("↔");

    public static final int PREVIOUS_POINTS = 6;

    private final String symbol;

    TrendArrow(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The arrow at {@code current}; null when fewer than six points precede it. */
    public static TrendArrow at(List<Double> values, int current) {
        if (current < PREVIOUS_POINTS || current >= values.size()) {
            return null;
        }
        double sum = 0;
        for (int i = current - PREVIOUS_POINTS; i < current; i++) {
            sum += values.get(i);
        }
        int c = Double.compare(values.get(current), sum / PREVIOUS_POINTS);
        return c > 0 ? UP : c < 0 ? DOWN : LEVEL;
    }

    /** The mean the arrow compares with; null as for {@link #at}. */
    public static Double previousMean(List<Double> values, int current) {
        if (current < PREVIOUS_POINTS || current >= values.size()) {
            return null;
        }
        return values.subList(current - PREVIOUS_POINTS, current).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
    }
}
