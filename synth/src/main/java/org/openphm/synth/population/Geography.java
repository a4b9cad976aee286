package org.openphm.synth.population;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.ReferenceCsv;

/**
 * The synthetic ICB's geography: the 94 real BLMK practices (QOF 2023-24 mapping) with their PCNs, grouped
 * into 19 neighbourhoods and four Places (model resource blmk_practice_geography.csv, whose SOURCES.md says
 * how), and synthetic LSOAs carrying IMD deciles. Built once per run; identical for every seed, so the
 * reference tables of two runs can be compared.
 */
public final class Geography {
    public static final String ICB_CODE = "QHG";
    public static final String ICB_NAME = "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board";
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

    private final List<Practice> practices;
    private final Map<Place, List<Practice>> practicesByPlace = new EnumMap<>(Place.class);
    private final Map<Place, double[]> practiceCumWeights = new EnumMap<>(Place.class);
    private final List<Lsoa> lsoas = new ArrayList<>();
    /** Place -> decile (index 0..9) -> LSOAs of that decile. */
    private final Map<Place, List<List<Lsoa>>> lsoasByDecile = new EnumMap<>(Place.class);

    private Geography(List<Practice> practices) {
        this.practices = List.copyOf(practices);
        for (Place p : Place.values()) {
            List<Practice> own =
                    practices.stream().filter(pr -> pr.place() == p).toList();
            practicesByPlace.put(p, own);
            double[] cum = new double[own.size()];
            double s = 0;
            for (int i = 0; i < own.size(); i++) {
                s += own.get(i).weight();
                cum[i] = s;
            }
            practiceCumWeights.put(p, cum);
            buildLsoas(p);
        }
    }

    public static Geography blmk() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(Geography.class, REFERENCE + "blmk_gp_practices_qof_2023_24.csv")) {
            names.put(r.get("practice_code"), r.get("practice_name"));
        }
        List<Practice> practices = new ArrayList<>();
        for (ReferenceCsv.Row g : ReferenceCsv.read(Geography.class, REFERENCE + "blmk_practice_geography.csv")) {
            String code = g.get("practice_code");
            String name = names.get(code);
            if (name == null) {
                throw g.fault("practice_code", "practice " + code + " missing from the QOF mapping file");
            }
            practices.add(new Practice(
                    code,
                    name,
                    g.get("pcn_code"),
                    g.get("pcn_name"),
                    g.get("neighbourhood_code"),
                    g.get("neighbourhood_name"),
                    Place.ofCode(g.get("place_code")),
                    listWeight(code)));
        }
        return new Geography(practices);
    }

    /**
     * Relative list size of a practice. Real list sizes were not available to the project; a log-normal
     * weight (sd 0.5) fixed by the practice code gives the realistic spread of small and large practices.
     */
    private static double listWeight(String practiceCode) {
        SplittableRandom r = new SplittableRandom(practiceCode.hashCode() * 0x9E3779B97F4A7C15L);
        return Math.exp(0.5 * Distributions.normal(r));
    }

    private void buildLsoas(Place p) {
        int n = (int) Math.round(LSOA_COUNT * p.share());
        List<List<Lsoa>> byDecile = new ArrayList<>();
        int seq = 0;
        for (int d = 1; d <= 10; d++) {
            int k = Math.max(1, (int) Math.round(n * p.imdDecileShare(d)));
            List<Lsoa> list = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                seq++;
                // E01 + 9 + Place digit + 4-digit sequence: LSOA 2021-shaped, but outside the issued E010xxxxx
                // to E0103xxxx range, so a synthetic code can never be mistaken for a real area.
                String code = String.format("E019%d%04d", p.ordinal() + 1, seq);
                String name =
                        String.format("%s %03d%c", p.displayName(), (seq - 1) / 4 + 1, (char) ('A' + (seq - 1) % 4));
                Lsoa l = new Lsoa(code, name, d, p);
                list.add(l);
                lsoas.add(l);
            }
            byDecile.add(list);
        }
        lsoasByDecile.put(p, byDecile);
    }

    public List<Practice> practices() {
        return practices;
    }

    public List<Lsoa> lsoas() {
        return lsoas;
    }

    /** A practice of the Place, in proportion to list size. */
    public Practice drawPractice(Place p, SplittableRandom rng) {
        double[] cum = practiceCumWeights.get(p);
        double u = rng.nextDouble() * cum[cum.length - 1];
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return practicesByPlace.get(p).get(i);
            }
        }
        return practicesByPlace.get(p).get(cum.length - 1);
    }

    /** An LSOA of the Place: the decile by the Place's deprivation profile, then an LSOA of that decile. */
    public Lsoa drawLsoa(Place p, SplittableRandom rng) {
        double u = rng.nextDouble();
        int decile = 10;
        double acc = 0;
        for (int d = 1; d <= 10; d++) {
            acc += p.imdDecileShare(d);
            if (u < acc) {
                decile = d;
                break;
            }
        }
        List<Lsoa> list = lsoasByDecile.get(p).get(decile - 1);
        return list.get(rng.nextInt(list.size()));
    }

    private static final String REFERENCE = "/org/openphm/reference/";
}
