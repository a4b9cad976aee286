package org.openphm.analyses.risk;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Query;

/**
 * A cohort read into arrays for fitting and validating: the feature matrix, the outcome (one or more emergency
 * admissions in the 12 months), deaths without an admission (reported, not dropped: they count as no
 * admission, which is what a list made on the index date would have seen), and the groups of the fairness audit.
 * Rows are in person order, so a fit on the same workspace is the same fit.
 */
public record RiskData(LocalDate index, List<String> featureNames, double[][] x, boolean[] admitted,
                       int diedWithoutAdmission, String[] ethnicGroup, String[] imdQuintile, String[] sex,
                       int[] age, double[] priorEmergencies) {

    public int size() {
        return admitted.length;
    }

    public int admissions() {
        int n = 0;
        for (boolean a : admitted) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** The cohort columns read besides the features: the outcome, the baseline score and the audit's groups. */
    static final List<String> READ = List.of("person_id", "emergency_after", "death_after", "ethnic_group",
            "imd_quintile", "sex", "age", "prior_emergencies");

    /**
     * Streams the cohort from the engine (only the columns the model needs) into primitive arrays: a whole ICB's
     * cohort never sits in memory as boxed rows.
     */
    public static RiskData load(Engine engine, LocalDate index) {
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        List<org.openphm.engine.query.Named> columns = new java.util.ArrayList<>();
        // the baseline score is the emergency_12m column, read under its own name beside the feature of that name
        READ.forEach(c -> columns.add(org.openphm.engine.query.Named.as(c, org.openphm.engine.query.Expr.col(
                c.equals("prior_emergencies") ? "emergency_12m" : c))));
        features.forEach(f -> columns.add(f.named()));
        Query query = RiskCohort.on(index).select(columns.toArray(org.openphm.engine.query.Named[]::new))
                .orderBy(org.openphm.engine.query.SortKey.asc("person_id"));
        Reader reader = new Reader(index, features);
        engine.stream(query, reader);
        return reader.data();
    }

    /** Collects streamed rows into growing arrays. */
    private static final class Reader implements Engine.RowSink {
        private final LocalDate index;
        private final List<RiskFeatures.Feature> features;
        private final java.util.List<double[]> x = new java.util.ArrayList<>();
        private final java.util.List<String> ethnic = new java.util.ArrayList<>();
        private final java.util.List<String> imd = new java.util.ArrayList<>();
        private final java.util.List<String> sex = new java.util.ArrayList<>();
        private int[] age = new int[1024];
        private double[] prior = new double[1024];
        private boolean[] admitted = new boolean[1024];
        private int n;
        private int died;

        Reader(LocalDate index, List<RiskFeatures.Feature> features) {
            this.index = index;
            this.features = features;
        }

        @Override
        public void columns(List<String> names) {
            List<String> expected = new java.util.ArrayList<>(READ);
            features.forEach(f -> expected.add(f.name()));
            if (!names.equals(expected)) {
                throw new IllegalStateException("the risk cohort came back with columns " + names);
            }
        }

        @Override
        public void row(Object[] v) {
            if (n == age.length) {
                age = java.util.Arrays.copyOf(age, n * 2);
                prior = java.util.Arrays.copyOf(prior, n * 2);
                admitted = java.util.Arrays.copyOf(admitted, n * 2);
            }
            int k = READ.size();
            double[] row = new double[features.size()];
            for (int f = 0; f < row.length; f++) {
                if (v[k + f] == null) {
                    // every feature is defined for everybody (missing measurements have their own flag)
                    throw new IllegalStateException("feature " + features.get(f).name() + " is empty in row " + n
                            + " of the cohort on " + index);
                }
                row[f] = ((Number) v[k + f]).doubleValue();
            }
            x.add(row);
            admitted[n] = ((Number) v[1]).longValue() > 0;
            if (!admitted[n] && v[2] != null) {
                died++;
            }
            ethnic.add((String) v[3]);
            imd.add((String) v[4]);
            sex.add((String) v[5]);
            age[n] = ((Number) v[6]).intValue();
            prior[n] = ((Number) v[7]).doubleValue();
            n++;
        }

        RiskData data() {
            return new RiskData(index, features.stream().map(RiskFeatures.Feature::name).toList(),
                    x.toArray(double[][]::new), java.util.Arrays.copyOf(admitted, n), died,
                    ethnic.toArray(String[]::new), imd.toArray(String[]::new), sex.toArray(String[]::new),
                    java.util.Arrays.copyOf(age, n), java.util.Arrays.copyOf(prior, n));
        }
    }
}
