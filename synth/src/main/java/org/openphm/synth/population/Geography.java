package org.openphm.synth.population;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The synthetic ICB's geography: its practices with their PCNs, neighbourhoods and Places (the practice
 * geography file its definition names), and synthetic LSOAs carrying IMD deciles. Built once per run; identical
 * for every seed, so the reference tables of two runs can be compared.
 */
public final class Geography {
    /** About 1,600 residents per LSOA at 1.14m people, as real LSOAs are sized (ONS: 1,000-3,000). */
    static final int LSOA_COUNT = 700;

    public record Practice(
            String code,
            String name,
            String pcnCode,
            String pcnName,
            String neighbourhoodCode,
            String neighbourhoodName,
            Place place,
            double weight) {}

    public record Lsoa(String code, String name, int imdDecile, Place place) {
        public int imdQuintile() {
            return (imdDecile + 1) / 2;
        }
    }

    private final SyntheticIcbDefinition icb;
    private final List<Practice> practices;
    /** By Place index: its practices, their cumulative list weights, and its LSOAs by decile (index 0..9). */
    private final List<List<Practice>> practicesByPlace = new ArrayList<>();

    private final List<double[]> practiceCumWeights = new ArrayList<>();
    private final List<Lsoa> lsoas = new ArrayList<>();
    private final List<List<List<Lsoa>>> lsoasByDecile = new ArrayList<>();

    private Geography(SyntheticIcbDefinition icb, List<Practice> practices) {
        this.icb = icb;
        this.practices = List.copyOf(practices);
        for (Place p : icb.places()) {
            List<Practice> own = practices.stream()
                    .filter(pr -> pr.place().index() == p.index())
                    .toList();
            if (own.isEmpty()) {
                throw new IllegalArgumentException(icb.name() + ": Place " + p.code() + " has no practice");
            }
            practicesByPlace.add(own);
            double[] cum = new double[own.size()];
            double s = 0;
            for (int i = 0; i < own.size(); i++) {
                s += own.get(i).weight();
                cum[i] = s;
            }
            practiceCumWeights.add(cum);
            buildLsoas(p);
        }
    }

    /** The geography of the ICB a definition describes, from the practice files it names. */
    public static Geography of(SyntheticIcbDefinition icb) {
        Map<String, String> names = new LinkedHashMap<>();
        if (icb.practices().names() != null) {
            for (ReferenceCsv.Row r : table(icb.practices().names())) {
                names.put(r.get("practice_code"), r.get("practice_name"));
            }
        }
        Map<String, Place> places = icb.placesByCode();
        List<Practice> practices = new ArrayList<>();
        for (ReferenceCsv.Row g : table(icb.practices().geography())) {
            String code = g.get("practice_code");
            String name = icb.practices().names() == null ? g.get("practice_name") : names.get(code);
            if (name == null) {
                throw g.fault(
                        "practice_code",
                        "practice " + code + " has no name in "
                                + icb.practices().names());
            }
            Place place = places.get(g.get("place_code"));
            if (place == null) {
                throw g.fault("place_code", g.get("place_code") + " is not a Place of the ICB's definition");
            }
            practices.add(new Practice(
                    code,
                    name,
                    g.get("pcn_code"),
                    g.get("pcn_name"),
                    g.get("neighbourhood_code"),
                    g.get("neighbourhood_name"),
                    place,
                    listWeight(code)));
        }
        return new Geography(icb, practices);
    }

    /**
     * A practice table a definition names: a file (a definition of the user's own, or one England's generation
     * wrote), else a resource on the classpath (the built-in definitions').
     */
    private static List<ReferenceCsv.Row> table(String path) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            return ReferenceCsv.read(Geography.class, path);
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ReferenceCsv.rows(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the practice table " + path + ": " + e.getMessage(), e);
        }
    }

    /** The definition the geography was built from. */
    public SyntheticIcbDefinition icb() {
        return icb;
    }

    /**
     * Relative list size of a practice. Real list sizes were not available to the project; a log-normal
     * weight (sd 0.5) fixed by the practice code gives the realistic spread of small and large practices.
     */
    private static double listWeight(String practiceCode) {
        SplittableRandom r = new SplittableRandom(practiceCode.hashCode() * 0x9E3779B97F4A7C15L);
        return Math.exp(0.5 * Distributions.normal(r));
    }

    /**
     * A Place's synthetic LSOAs. Codes are LSOA 2021-shaped (E01 and six digits) but start E019, outside the issued
     * E010xxxxx to E0103xxxx range, so a synthetic code can never be mistaken for a real area: E019, the Place's
     * digit and a sequence of four; or, where the definition numbers its LSOAs from a given number (ICBs generated
     * together, whose codes must not repeat), E019 and five digits counted on from it across the ICB's Places.
     */
    private void buildLsoas(Place p) {
        int n = (int) Math.round(LSOA_COUNT * p.shareOf(icb.places()));
        List<List<Lsoa>> byDecile = new ArrayList<>();
        int seq = 0;
        for (int d = 1; d <= 10; d++) {
            int k = Math.max(1, (int) Math.round(n * p.imdDeciles()[d - 1]));
            List<Lsoa> list = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                seq++;
                if (icb.lsoaCodesFrom() != null && icb.lsoaCodesFrom() + lsoas.size() > 99_999) {
                    throw new IllegalArgumentException(icb.name() + ": lsoa_codes_from " + icb.lsoaCodesFrom()
                            + " leaves too few of the 100,000 five-digit LSOA numbers for its LSOAs");
                }
                String code = icb.lsoaCodesFrom() == null
                        ? String.format("E019%d%04d", p.index() + 1, seq)
                        : String.format("E019%05d", icb.lsoaCodesFrom() + lsoas.size());
                String name = String.format("%s %03d%c", p.name(), (seq - 1) / 4 + 1, (char) ('A' + (seq - 1) % 4));
                Lsoa l = new Lsoa(code, name, d, p);
                list.add(l);
                lsoas.add(l);
            }
            byDecile.add(list);
        }
        lsoasByDecile.add(byDecile);
    }

    public List<Practice> practices() {
        return practices;
    }

    public List<Lsoa> lsoas() {
        return lsoas;
    }

    /** A practice of the Place, in proportion to list size. */
    public Practice drawPractice(Place p, SplittableRandom rng) {
        double[] cum = practiceCumWeights.get(p.index());
        List<Practice> own = practicesByPlace.get(p.index());
        double u = rng.nextDouble() * cum[cum.length - 1];
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return own.get(i);
            }
        }
        return own.get(cum.length - 1);
    }

    /** An LSOA of the Place: the decile by the Place's deprivation profile, then an LSOA of that decile. */
    public Lsoa drawLsoa(Place p, SplittableRandom rng) {
        double u = rng.nextDouble();
        int decile = 10;
        double acc = 0;
        for (int d = 1; d <= 10; d++) {
            acc += p.imdDeciles()[d - 1];
            if (u < acc) {
                decile = d;
                break;
            }
        }
        List<Lsoa> list = lsoasByDecile.get(p.index()).get(decile - 1);
        return list.get(rng.nextInt(list.size()));
    }
}
