package org.openphm.synth.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.icb.Site;

/**
 * Mean length of stay by point of delivery, treatment function, site and year from DP 8.14 (elective) and
 * DP 8.15 (non-elective), 2023/24 and 2024/25 (resources/activity/length_of_stay.csv). Earlier years use the
 * 2023/24 means and 2025/26 the 2024/25 means — the DP publishes no others. A site the table has no rows for
 * (an out-of-area trust, or the sites of an ICB other than the DP's) uses the mean of the ICB's sites in the table,
 * else of every site in it; treatment functions the table lacks use our assumed defaults.
 *
 * <p>Stays are drawn as a negative binomial number of days with the table's mean: over-dispersed, with
 * zero-day stays (day cases, same-day emergency care), and the mean exact so the DP's table is reproduced.
 */
final class LengthOfStay {

    /** Dispersion of stays: electives are mostly day cases, emergencies spread widely. */
    static final double ELECTIVE_SHAPE = 0.6;

    static final double EMERGENCY_SHAPE = 1.2;
    static final double OTHER_SHAPE = 2.0;

    /** Assumed means for treatment functions outside DP 8.14/8.15, by point of delivery. */
    private static final Map<String, Double> ELECTIVE_DEFAULT = Map.of("120", 0.6, "130", 0.1, "303", 0.3, "320", 1.5);

    private static final Map<String, Double> EMERGENCY_DEFAULT = Map.of("320", 4.8, "711", 6.0, "501", 1.8);

    private final Map<String, double[]> means = new HashMap<>();
    /** The site codes the table has rows for, in its order. */
    private final java.util.Set<String> tableSites = new java.util.LinkedHashSet<>();

    private final List<Site> sites;

    LengthOfStay(List<Site> sites) {
        this.sites = sites;
        for (ReferenceCsv.Row r : ReferenceCsv.read(LengthOfStay.class, "/activity/length_of_stay.csv")) {
            means.put(
                    key(r.get("pod"), r.get("treatment_function"), r.get("site")),
                    new double[] {r.number("los_2023_24"), r.number("los_2024_25")});
            tableSites.add(r.get("site"));
        }
    }

    private static String key(String pod, String treatmentFunction, String site) {
        return pod + "|" + treatmentFunction + "|" + site;
    }

    /** Mean stay in days; {@code pod} is "elective" or "emergency" (the DP's non-elective). */
    double mean(String pod, String treatmentFunction, Site site, FinancialYear year) {
        int column = year.startYear() >= 2024 ? 1 : 0;
        if (site.local() && tableSites.contains(site.code())) {
            double[] m = means.get(key(pod, treatmentFunction, site.code()));
            if (m != null) {
                return m[column];
            }
        } else {
            List<String> icbSites =
                    sites.stream().filter(Site::local).map(Site::code).toList();
            for (java.util.Collection<String> over : List.of(icbSites, tableSites)) {
                double sum = 0;
                int n = 0;
                for (String code : over) {
                    double[] m = means.get(key(pod, treatmentFunction, code));
                    if (m != null) {
                        sum += m[column];
                        n++;
                    }
                }
                if (n > 0) {
                    return sum / n;
                }
            }
        }
        Map<String, Double> defaults = pod.equals("elective") ? ELECTIVE_DEFAULT : EMERGENCY_DEFAULT;
        return defaults.getOrDefault(treatmentFunction, pod.equals("elective") ? 1.0 : 5.0);
    }

    static int draw(SplittableRandom rng, double mean, double shape) {
        return Draws.negativeBinomial(rng, mean, shape);
    }
}
