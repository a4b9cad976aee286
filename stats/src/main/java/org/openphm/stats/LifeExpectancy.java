package org.openphm.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Period life expectancy from an abridged life table by Chiang's method II, with confidence
 * intervals by Silcocks et al (Fingertips; PHEindicatormethods {@code phe_life_expectancy}).
 *
 * <p>Input is the Fingertips age structure: 20 bands starting at 0, 1, 5, 10, … 85, 90 (90+ open).
 * The fraction of the interval lived by those who die is 0.1 in the first year of life and 0.5
 * otherwise. The open band has L = l/M and the Silcocks variance term (l/2)²·4/(d·M²).
 *
 * <p>As Fingertips, a whole area is not calculated (every row missing, with the reason) when any
 * band has negative deaths, a population of zero or less, deaths above the population, when the
 * total population is 5,000 or fewer, or when the number of bands is not 20. A single age's value
 * is withheld (limits still returned) when its 95% interval is wider than 20 years.
 */
public final class LifeExpectancy {

    public static final String METHOD = "Chiang, using Silcocks et al for confidence limits";
    /** The start ages of the 20 Fingertips bands. */
    public static final List<Integer> START_AGES =
            List.of(0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);
    /** Areas with a total population at or below this are not calculated. */
    public static final double MINIMUM_TOTAL_POPULATION = 5000;
    /** A value is withheld when 1.96·SE exceeds this many years (95% CI wider than 20 years). */
    public static final double MAXIMUM_HALF_WIDTH_95 = 10;

    /** One age band of the input. */
    public record AgeBand(int startAge, double population, double deaths) {}

    /**
     * Life expectancy at one start age.
     *
     * @param populationUsed population of this and all older bands
     * @param deathsUsed     deaths in this and all older bands
     */
    public record Row(int startAge, Estimate estimate, double populationUsed, double deathsUsed) {}

    /** Rows for every start age, or an empty list and the reason the area was not calculated. */
    public record Result(List<Row> rows, Optional<String> notCalculatedReason) {
        public Optional<Row> at(int startAge) {
            return rows.stream().filter(r -> r.startAge() == startAge).findFirst();
        }
    }

    private LifeExpectancy() {}

    /** Life expectancy at every start age; bands may be given in any order. */
    public static Result calculate(List<AgeBand> bands, double confidence) {
        double c = Confidence.normalise(confidence);
        List<AgeBand> sorted = bands.stream()
                .sorted((a, b) -> Integer.compare(a.startAge(), b.startAge()))
                .toList();
        Optional<String> reason = reasonNotCalculated(sorted);
        if (reason.isPresent()) {
            return new Result(List.of(), reason);
        }
        return new Result(lifeTable(sorted, c), Optional.empty());
    }

    // Checks in the reference's order, so the reason reported matches Fingertips' warning.
    private static Optional<String> reasonNotCalculated(List<AgeBand> bands) {
        if (bands.stream().anyMatch(b -> b.deaths() < 0)) {
            return Optional.of("some age bands have negative deaths");
        }
        if (bands.stream().anyMatch(b -> !(b.population() > 0))) {
            return Optional.of("some age bands have a zero or less population");
        }
        if (bands.size() != START_AGES.size()
                || !bands.stream().map(AgeBand::startAge).toList().equals(START_AGES)) {
            return Optional.of("life expectancy needs the 20 age bands " + START_AGES);
        }
        if (bands.stream().anyMatch(b -> b.deaths() > b.population())) {
            return Optional.of("some age bands have more deaths than population");
        }
        if (bands.stream().mapToDouble(AgeBand::population).sum() <= MINIMUM_TOTAL_POPULATION) {
            return Optional.of("total population of 5,000 or less");
        }
        return Optional.empty();
    }

    private static List<Row> lifeTable(List<AgeBand> bands, double confidence) {
        int k = bands.size();
        int last = k - 1;
        double z = Confidence.z(confidence);
        double z95 = Confidence.z(Confidence.P95);
        double[] n = new double[k];
        double[] a = new double[k];
        double[] m = new double[k];
        double[] q = new double[k];
        double[] l = new double[k];
        for (int i = 0; i < k; i++) {
            AgeBand b = bands.get(i);
            a[i] = b.startAge() == 0 ? 0.1 : 0.5;
            m[i] = b.deaths() / b.population();
            // the open band has no width; 2/M makes q = 1 there, as the reference does
            n[i] = i < last ? bands.get(i + 1).startAge() - b.startAge() : 2 / m[i];
            q[i] = b.deaths() <= b.population() / n[i] / a[i] ? m[i] * n[i] / (1 + m[i] * n[i] * (1 - a[i])) : 1;
        }
        l[0] = 100_000;
        for (int i = 1; i < k; i++) {
            l[i] = l[i - 1] * (1 - q[i - 1]);
        }
        double[] d = new double[k];
        double[] bigL = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = l[i] - (i < last ? l[i + 1] : 0);
            bigL[i] = i < last ? n[i] * (l[i + 1] + a[i] * d[i]) : l[i] / m[i];
        }
        double[] e = new double[k];
        double total = 0;
        for (int i = last; i >= 0; i--) {
            total += bigL[i];
            e[i] = l[i] == 0 ? 0 : total / l[i];
        }
        double[] se = new double[k];
        double varianceSum = 0;
        for (int i = last; i >= 0; i--) {
            double deaths = bands.get(i).deaths();
            double sp;
            double w;
            if (i == last) {
                sp = 4 / (deaths * m[i] * m[i]);
                w = (l[i] / 2) * (l[i] / 2) * sp;
            } else {
                sp = d[i] == 0 ? 0 : q[i] * q[i] * (1 - q[i]) / deaths;
                double years = (1 - a[i]) * n[i] + e[i + 1];
                w = sp * l[i] * l[i] * years * years;
            }
            varianceSum += w;
            se[i] = Math.sqrt(varianceSum / (l[i] * l[i]));
        }
        List<Row> rows = new ArrayList<>(k);
        double popsUsed = 0;
        double deathsUsed = 0;
        double[] cumPops = new double[k];
        double[] cumDeaths = new double[k];
        for (int i = last; i >= 0; i--) {
            popsUsed += bands.get(i).population();
            deathsUsed += bands.get(i).deaths();
            cumPops[i] = popsUsed;
            cumDeaths[i] = deathsUsed;
        }
        for (int i = 0; i < k; i++) {
            double value = Double.isInfinite(e[i]) ? Double.NaN : e[i];
            String note = "";
            if (z95 * se[i] > MAXIMUM_HALF_WIDTH_95) {
                value = Double.NaN;
                note = "95% confidence interval wider than 20 years: value withheld";
            }
            Estimate estimate = new Estimate(value, e[i] - z * se[i], e[i] + z * se[i], confidence, METHOD, note);
            rows.add(new Row(bands.get(i).startAge(), estimate, cumPops[i], cumDeaths[i]));
        }
        return List.copyOf(rows);
    }
}
