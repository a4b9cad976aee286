package org.openphm.analyses.risk;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Query;

/**
 * A cohort read into arrays for fitting and validating: the feature matrix, the outcome (one or more emergency
 * admissions in the 12 months), deaths without an admission (reported, not dropped: they count as no
 * admission, which is what a list made on the index date would have seen), and the groups of the fairness audit.
 * Rows are in person order (person_id ascending), so a fit on the same workspace is the same fit on any engine.
 */
public record RiskData(
        LocalDate index,
        List<String> featureNames,
        double[][] x,
        boolean[] admitted,
        int diedWithoutAdmission,
        String[] ethnicGroup,
        String[] imdQuintile,
        String[] sex,
        int[] age,
        double[] priorEmergencies) {

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

    /**
     * The cohort columns read besides the features: the audit's groups and the death date as text, then the
     * outcome, age and the baseline score as numbers, then the features.
     */
    static final List<String> TEXT = List.of("person_id", "death_after", "ethnic_group", "imd_quintile", "sex");

    static final List<String> NUMBERS = List.of("emergency_after", "age", "prior_emergencies");

    /**
     * Streams the cohort from the engine (only the columns the model needs) into primitive arrays: a whole ICB's
     * cohort never sits in memory as boxed rows.
     */
    public static RiskData load(Engine engine, LocalDate index) {
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        List<org.openphm.engine.query.Named> columns = new java.util.ArrayList<>();
        // the baseline score is the emergency_12m column, read under its own name beside the feature of that name
        java.util.stream.Stream.concat(TEXT.stream(), NUMBERS.stream())
                .forEach(c -> columns.add(org.openphm.engine.query.Named.as(
                        c, org.openphm.engine.query.Expr.col(c.equals("prior_emergencies") ? "emergency_12m" : c))));
        features.forEach(f -> columns.add(f.named()));
        // Put in person order here, not by the engine: an ORDER BY sorts every feature column of every row, and at
        // 768 MB DuckDB ran out of memory sorting the 1.14M cohort's 50 columns; sorting row numbers by person_id
        // in Java costs a few megabytes.
        Query query = RiskCohort.on(index).select(columns.toArray(org.openphm.engine.query.Named[]::new));
        Reader reader = new Reader(index, features);
        engine.streamNumeric(query, TEXT.size(), reader);
        return reader.data();
    }

    /** Collects streamed rows into growing arrays (numbers unboxed: a whole ICB's cohort makes no garbage per cell). */
    private static final class Reader implements Engine.NumericRowSink {
        private final LocalDate index;
        private final List<RiskFeatures.Feature> features;
        private final java.util.List<double[]> x = new java.util.ArrayList<>();
        private final java.util.List<String> ethnic = new java.util.ArrayList<>();
        private final java.util.List<String> imd = new java.util.ArrayList<>();
        private final java.util.List<String> sex = new java.util.ArrayList<>();
        private final java.util.List<String> person = new java.util.ArrayList<>();
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
            List<String> expected = new java.util.ArrayList<>(TEXT);
            expected.addAll(NUMBERS);
            features.forEach(f -> expected.add(f.name()));
            if (!names.equals(expected)) {
                throw new IllegalStateException("the risk cohort came back with columns " + names);
            }
        }

        @Override
        public void row(String[] text, double[] v) {
            if (n == age.length) {
                age = java.util.Arrays.copyOf(age, n * 2);
                prior = java.util.Arrays.copyOf(prior, n * 2);
                admitted = java.util.Arrays.copyOf(admitted, n * 2);
            }
            int k = NUMBERS.size();
            double[] row = new double[features.size()];
            for (int f = 0; f < row.length; f++) {
                if (Double.isNaN(v[k + f])) {
                    // every feature is defined for everybody (missing measurements have their own flag)
                    throw new IllegalStateException("feature " + features.get(f).name() + " is empty in row " + n
                            + " of the cohort on " + index);
                }
                row[f] = v[k + f];
            }
            x.add(row);
            admitted[n] = v[0] > 0;
            if (!admitted[n] && text[1] != null) {
                died++;
            }
            person.add(text[0]);
            ethnic.add(text[2]);
            imd.add(text[3]);
            sex.add(text[4]);
            age[n] = (int) v[1];
            prior[n] = v[2];
            n++;
        }

        RiskData data() {
            int[] order = personOrder(person);
            double[][] xs = new double[n][];
            boolean[] admittedInOrder = new boolean[n];
            String[] ethnicInOrder = new String[n], imdInOrder = new String[n], sexInOrder = new String[n];
            int[] ageInOrder = new int[n];
            double[] priorInOrder = new double[n];
            for (int i = 0; i < n; i++) {
                int row = order[i];
                xs[i] = x.get(row);
                admittedInOrder[i] = admitted[row];
                ethnicInOrder[i] = ethnic.get(row);
                imdInOrder[i] = imd.get(row);
                sexInOrder[i] = sex.get(row);
                ageInOrder[i] = age[row];
                priorInOrder[i] = prior[row];
            }
            return new RiskData(
                    index,
                    features.stream().map(RiskFeatures.Feature::name).toList(),
                    xs,
                    admittedInOrder,
                    died,
                    ethnicInOrder,
                    imdInOrder,
                    sexInOrder,
                    ageInOrder,
                    priorInOrder);
        }
    }

    /**
     * Row numbers in person_id order. Pseudonyms are ASCII, for which Java's string order is the engines' byte
     * order; a person_id is never repeated in a cohort (one row per registered person), so the order is total.
     */
    static int[] personOrder(List<String> personIds) {
        Integer[] rows = new Integer[personIds.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        java.util.Arrays.sort(rows, java.util.Comparator.comparing(personIds::get));
        int[] order = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            order[i] = rows[i];
        }
        return order;
    }
}
