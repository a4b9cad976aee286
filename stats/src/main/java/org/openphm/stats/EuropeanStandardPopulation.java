package org.openphm.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.openphm.model.ReferenceCsv;

/**
 * The 2013 European Standard Population in the 19 five-year bands (0-4 … 85-89, 90+) that
 * Fingertips and NHS Digital's CCG OIS specifications standardise to; total 100,000.
 *
 * <p>Source: the model's reference table {@code org/openphm/reference/esp2013.csv} (its SOURCES.md: from
 * PHEindicatormethods {@code R/data.R} dataset {@code esp2013} and Eurostat, "Revision of the European Standard
 * Population", KS-RA-13-028-EN, 2013; 0-4 combines age 0 and 1-4, 90+ combines 90-94 and 95+).
 */
public final class EuropeanStandardPopulation {

    /** One standard-population band; {@code upperAge} is empty for the open band 90+. */
    public record Band(String label, int lowerAge, OptionalInt upperAge, double weight) {
        public boolean contains(int age) {
            return age >= lowerAge && (upperAge.isEmpty() || age <= upperAge.getAsInt());
        }
    }

    private static final String RESOURCE = "/org/openphm/reference/esp2013.csv";

    private static final List<Band> BANDS = load();

    private EuropeanStandardPopulation() {}

    /** The 19 bands in age order. */
    public static List<Band> bands() {
        return BANDS;
    }

    /** The 19 weights in age order, ready for {@link DirectStandardisation}. */
    public static double[] weights() {
        return BANDS.stream().mapToDouble(Band::weight).toArray();
    }

    /** The band index (0-18) holding an age in whole years. */
    public static int bandIndex(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must not be negative: " + age);
        }
        for (int i = 0; i < BANDS.size(); i++) {
            if (BANDS.get(i).contains(age)) {
                return i;
            }
        }
        throw new IllegalStateException("no ESP2013 band for age " + age);
    }

    private static List<Band> load() {
        List<Band> bands = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(EuropeanStandardPopulation.class, RESOURCE)) {
            bands.add(new Band(
                    r.get("age_band"),
                    r.integer("age_lower"),
                    r.optionalInteger("age_upper"),
                    r.number("esp2013_weight")));
        }
        return List.copyOf(bands);
    }
}
