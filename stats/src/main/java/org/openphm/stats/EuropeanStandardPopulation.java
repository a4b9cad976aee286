package org.openphm.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The 2013 European Standard Population in the 19 five-year bands (0-4 … 85-89, 90+) that
 * Fingertips and NHS Digital's CCG OIS specifications standardise to; total 100,000.
 *
 * <p>Source: resource {@code esp2013.csv} (see esp2013.SOURCE.md beside it; from
 * PHEindicatormethods {@code R/data.R} dataset {@code esp2013} and Eurostat, "Revision of the
 * European Standard Population", KS-RA-13-028-EN, 2013).
 */
public final class EuropeanStandardPopulation {

    /** One standard-population band; {@code upperAge} is empty for the open band 90+. */
    public record Band(String label, int lowerAge, OptionalInt upperAge, double weight) {
        public boolean contains(int age) {
            return age >= lowerAge && (upperAge.isEmpty() || age <= upperAge.getAsInt());
        }
    }

    private static final List<Band> BANDS = load();

    private EuropeanStandardPopulation() {
    }

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
        try (InputStream in = EuropeanStandardPopulation.class.getResourceAsStream("esp2013.csv")) {
            if (in == null) {
                throw new IllegalStateException("resource esp2013.csv missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Band> bands = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith("age_band,age_lower,age_upper,esp2013_weight")) {
                throw new IllegalStateException("unexpected esp2013.csv header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                OptionalInt upper = f[2].isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[2]));
                bands.add(new Band(f[0], Integer.parseInt(f[1]), upper, Double.parseDouble(f[3])));
            }
            return List.copyOf(bands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
