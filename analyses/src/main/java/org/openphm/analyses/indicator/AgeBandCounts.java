package org.openphm.analyses.indicator;

import java.util.Arrays;

/**
 * Numerator and denominator of one indicator cell (area × period × breakdown category) by ESP2013 age band:
 * enough for the crude value (the sums) and the DSR (the bands).
 */
public final class AgeBandCounts {
    public static final int BANDS = RegisteredPopulation.ESP_BAND_STARTS.size();

    final double[] numerator = new double[BANDS];
    final double[] denominator = new double[BANDS];

    public void add(int band, double num, double den) {
        numerator[band] += num;
        denominator[band] += den;
    }

    /** Adds another cell's counts, band by band: an area's cell is the sum of its parts' cells. */
    public void addAll(AgeBandCounts other) {
        for (int i = 0; i < BANDS; i++) {
            numerator[i] += other.numerator[i];
            denominator[i] += other.denominator[i];
        }
    }

    public double numerator() {
        return Arrays.stream(numerator).sum();
    }

    public double denominator() {
        return Arrays.stream(denominator).sum();
    }

    public double[] numerators() {
        return numerator.clone();
    }

    public double[] denominators() {
        return denominator.clone();
    }

    /** Band indexes by label, looked up for every counted row. */
    private static final java.util.Map<String, Integer> BAND_INDEX = new java.util.concurrent.ConcurrentHashMap<>();

    /** Band index of a label "0-4" … "90+". */
    public static int bandOf(String label) {
        Integer known = BAND_INDEX.get(label);
        if (known != null) {
            return known;
        }
        int i = parseBand(label);
        BAND_INDEX.put(label, i);
        return i;
    }

    private static int parseBand(String label) {
        int start = Integer.parseInt(label.replace("+", "").split("-")[0]);
        int i = RegisteredPopulation.ESP_BAND_STARTS.indexOf(start);
        if (i < 0) {
            throw new IllegalArgumentException("not an ESP2013 band: " + label);
        }
        return i;
    }
}
