package org.openphm.synth.population;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.synth.icb.Place;

/**
 * The population_projection feed: residents by Place, mid-year 2019..2044, sex and five-year band, shaped like
 * the local authorities' projections the pack uses (DP 1.3, 2.2, 2.3). Growth from 2025 is given per band for
 * 2035 and 2043 (linear between, extended to 2044; before 2025 the registered growth of DP 1.2 backwards),
 * chosen so that the pack's method (Place x age x sex growth applied to the registered population) gives
 * 1.382m in 2043 (+21%), 65+ +53%, 80+ +47% by 2035 and nearly double by 2043, under-20s +5% by 2035 and
 * 30-39 flat. Places grow at different speeds (each Place's growth in the ICB's definition).
 */
public final class PopulationProjection {
    public static final String[] BANDS = {
        "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64",
        "65-69", "70-74", "75-79", "80-84", "85-89", "90+"
    };
    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2044;
    static final int BASE_YEAR = 2025;
    private static final double[] GROWTH_2035 = {
        0.06, 0.04, 0.01, 0.09, 0.12, 0.10, 0.00, -0.02, 0.06, 0.14, 0.10, 0.08, 0.16, 0.24, 0.26, 0.36, 0.50, 0.45,
        0.42
    };
    private static final double[] GROWTH_2043 = {
        0.14, 0.13, 0.10, 0.14, 0.18, 0.18, 0.12, 0.09, 0.12, 0.20, 0.26, 0.22, 0.25, 0.30, 0.38, 0.55, 0.90, 0.95, 1.00
    };
    /** Residents per registered patient: registered counts exceed residents (DP 1.3, list inflation). */
    static final double RESIDENTS_PER_REGISTERED = 0.95;

    private PopulationProjection() {}

    /** Growth factor relative to 2025 for a band, Place, sex and year. */
    public static double factor(Place p, String sex, int band, int year) {
        if (year <= BASE_YEAR) {
            return Math.exp(PopulationFlow.GROWTH * (year - BASE_YEAR));
        }
        double g35 = GROWTH_2035[band];
        double g43 = GROWTH_2043[band];
        double g = year <= 2035 ? g35 * (year - BASE_YEAR) / 10.0 : g35 + (g43 - g35) * (year - 2035) / 8.0;
        double sexAdj = "M".equals(sex) && band >= 16 ? 1.08 : 1.0;
        return 1 + g * p.growth() * sexAdj;
    }

    /**
     * Writes the projection for a population of {@code registered} patients at 2025, so reduced-scale runs
     * keep the real ratio of residents to registered patients.
     */
    public static long write(Path dir, long registered, List<Place> places) throws IOException {
        Demography demography = new Demography(places);
        long rows = 0;
        try (CsvTableWriter w = new CsvTableWriter(dir, CanonicalSchema.POPULATION_PROJECTION)) {
            for (Place p : places) {
                double[] byBand = new double[BANDS.length];
                for (int age = 0; age <= 104; age++) {
                    byBand[Math.min(age / 5, 18)] += demography.ageShare(p, age);
                }
                for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                    for (String sex : new String[] {"F", "M"}) {
                        for (int band = 0; band < BANDS.length; band++) {
                            double base = registered
                                    * RESIDENTS_PER_REGISTERED
                                    * p.shareOf(places)
                                    * byBand[band]
                                    * demography.sexShare(sex, band * 5 + 2);
                            double pop = base * factor(p, sex, band, year);
                            w.row(p.code(), year, sex, BANDS[band], Math.round(pop * 10) / 10.0);
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }
}
