package org.openphm.analyses.risk;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Measure;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;

/**
 * A cohort read into arrays for fitting: the feature matrix and the people ({@link RiskPeople}: outcome, deaths
 * without an admission, the groups of the fairness audit, the baseline). Rows are in person order (person_id
 * ascending), so a fit on the same workspace is the same fit on any engine. Validation reads a cohort scored as it
 * streams instead ({@link #scored}), without the features.
 */
public record RiskData(List<String> featureNames, double[][] x, RiskPeople people, int cohortSize) {

    /**
     * The most people a model is fitted on. A larger cohort is sampled (see {@link #sample}): at ten million people
     * the whole cohort's features and XGBoost's copy of them took 19 GB; a million and a half hold about 1 GB and
     * give the 45 coefficients and the trees more admissions than they need (issue 19).
     */
    public static final int TRAINING_PEOPLE = 1_500_000;

    /**
     * The most people a model is validated on; a larger cohort is sampled as for training. At ten million people
     * the validation's copies of two models' probabilities, the groups of the fairness audit and the AUC's sorted
     * placements ran the build out of a 1.25 GB heap; two million give intervals narrower than any decision needs.
     */
    public static final int VALIDATION_PEOPLE = 2_000_000;

    /** Whether these are a sample of the cohort rather than all of it. */
    public boolean sampled() {
        return cohortSize > size();
    }

    public LocalDate index() {
        return people.index();
    }

    public int size() {
        return people.size();
    }

    public int admissions() {
        return people.admissions();
    }

    public boolean[] admitted() {
        return people.admitted();
    }

    public int diedWithoutAdmission() {
        return people.diedWithoutAdmission();
    }

    public double[] priorEmergencies() {
        return people.priorEmergencies();
    }

    /**
     * The cohort columns read besides the features: the audit's groups and the death date as text, then the
     * person's place in person_id order, the outcome, age and the baseline score as numbers, then the features.
     */
    static final List<String> TEXT = List.of("death_after", "ethnic_group", "imd_quintile", "sex");

    static final List<String> NUMBERS = List.of("person_row", "emergency_after", "age", "prior_emergencies");

    /** Where in {@link #NUMBERS} each is. */
    private static final int ROW = 0, OUTCOME = 1, AGE = 2, PRIOR = 3;

    /**
     * Streams the cohort from the engine (only the columns the model needs) into primitive arrays: a whole ICB's
     * cohort never sits in memory as boxed rows.
     */
    public static RiskData load(Engine engine, LocalDate index) {
        return sample(engine, index, Integer.MAX_VALUE);
    }

    /**
     * The cohort, or, when it has more than maxPeople, a systematic sample of it: every k-th person in person_id
     * order, k the smallest step that keeps the sample within maxPeople. Pseudonyms are unrelated to anything about
     * a person, so their order is a random one and the sample a random sample; and it is the same sample on every
     * engine and every run.
     */
    public static RiskData sample(Engine engine, LocalDate index, int maxPeople) {
        long cohort = cohortSize(engine, index, maxPeople);
        Reader reader = read(engine, index, null, step(cohort, maxPeople));
        return new RiskData(
                reader.featureNames(), reader.inPersonOrder(reader.x), reader.people(), reader.cohortSize(cohort));
    }

    /** How many people the cohort holds; not counted (-1) when everyone is to be read, as reading counts them. */
    private static long cohortSize(Engine engine, LocalDate index, int maxPeople) {
        if (maxPeople == Integer.MAX_VALUE) {
            return -1;
        }
        return ((Number) engine.execute(RiskCohort.on(index).aggregate(List.of(), Measure.countRows("n")))
                        .rows()
                        .get(0)
                        .get(0))
                .longValue();
    }

    /** The smallest k for which every k-th person of the cohort makes at most maxPeople. */
    private static long step(long cohort, int maxPeople) {
        if (maxPeople < 1) {
            throw new IllegalArgumentException("a sample needs at least one person, not " + maxPeople);
        }
        return cohort < 0 ? 1 : Math.max(1, (cohort + maxPeople - 1) / maxPeople);
    }

    /**
     * The cohort scored by each model as its rows stream in; the features of a row are dropped once scored. The
     * probabilities are those {@link ScoredModel#probability} gives for the row {@link #load} would hold, in the
     * same order.
     */
    public static ScoredCohort scored(Engine engine, LocalDate index, List<? extends ScoredModel> models) {
        return scored(engine, index, models, Integer.MAX_VALUE);
    }

    /** {@link #scored} on at most maxPeople, a larger cohort sampled as {@link #sample} samples it. */
    public static ScoredCohort scored(
            Engine engine, LocalDate index, List<? extends ScoredModel> models, int maxPeople) {
        for (ScoredModel m : models) {
            if (!m.features().equals(RiskFeatures.names())) {
                throw new IllegalArgumentException(
                        "the model was fitted on other features than the cohort has: " + m.features());
            }
        }
        long cohort = cohortSize(engine, index, maxPeople);
        Reader reader = read(engine, index, List.copyOf(models), step(cohort, maxPeople));
        int[] order = reader.order();
        List<double[]> risks = new java.util.ArrayList<>();
        for (double[] score : reader.scores) {
            double[] inOrder = new double[reader.n];
            for (int i = 0; i < inOrder.length; i++) {
                inOrder[i] = score[order[i]];
            }
            risks.add(inOrder);
        }
        return new ScoredCohort(reader.people(), List.copyOf(risks), reader.cohortSize(cohort));
    }

    /** Reads every step-th person in person_id order (step 1: everybody). */
    private static Reader read(Engine engine, LocalDate index, List<ScoredModel> models, long step) {
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        List<Named> columns = new java.util.ArrayList<>();
        // the baseline score is the emergency_12m column, read under its own name beside the feature of that name
        java.util.stream.Stream.concat(TEXT.stream(), NUMBERS.stream())
                .forEach(c -> columns.add(Named.as(c, col(c.equals("prior_emergencies") ? "emergency_12m" : c))));
        features.forEach(f -> columns.add(f.named()));
        // Person order comes from the engine as each row's number in person_id order, put in place in Java. Not an
        // ORDER BY of the cohort: that sorts every feature column of every row, and at 768 MB DuckDB ran out of
        // memory sorting the 1.14M cohort's 50 columns. Not by sorting the person_ids in Java either: ten million
        // of them ran the 10M build out of a 1.25 GB heap. Numbering sorts the narrow key alone.
        Query cohort = RiskCohort.on(index);
        Query personRow = cohort.select("person_id")
                .rowNumber("person_row", List.of(), SortKey.asc("person_id"))
                .select("person_id", "person_row");
        if (step > 1) {
            // people 1, 1 + step, 1 + 2 step, ... numbered 1, 2, 3, ... among themselves
            Expr fromZero = col("person_row").minus(lit(1));
            Expr inSample = fromZero.intDividedBy(lit(step));
            personRow = personRow
                    .where(fromZero.minus(inSample.times(lit(step))).eq(lit(0)))
                    .select(Named.as("person_id", col("person_id")), Named.as("person_row", inSample.plus(lit(1))));
        }
        Query query = cohort.join(personRow, "person_id").select(columns.toArray(Named[]::new));
        Reader reader = new Reader(index, features, models);
        engine.streamNumeric(query, TEXT.size(), reader);
        return reader;
    }

    /**
     * Collects streamed rows into growing arrays (numbers unboxed: a whole ICB's cohort makes no garbage per cell),
     * keeping each row's features, or, given models, only their scores of it.
     */
    private static final class Reader implements Engine.NumericRowSink {
        private final LocalDate index;
        private final List<RiskFeatures.Feature> features;
        private final List<ScoredModel> models;
        private final java.util.List<double[]> x = new java.util.ArrayList<>();
        private final java.util.List<double[]> scores = new java.util.ArrayList<>();
        private final double[] row;
        // the groups are a handful of labels, each read afresh for every row: one copy of each is kept
        private final java.util.Map<String, String> labels = new java.util.HashMap<>();
        private final java.util.List<String> ethnic = new java.util.ArrayList<>();
        private final java.util.List<String> imd = new java.util.ArrayList<>();
        private final java.util.List<String> sex = new java.util.ArrayList<>();
        // each streamed row's place in person order (0-based)
        private int[] personRow = new int[1024];
        private int[] age = new int[1024];
        private double[] prior = new double[1024];
        private boolean[] admitted = new boolean[1024];
        private int n;
        private int died;
        private int[] order;

        Reader(LocalDate index, List<RiskFeatures.Feature> features, List<ScoredModel> models) {
            this.index = index;
            this.features = features;
            this.models = models;
            this.row = new double[features.size()];
            if (models != null) {
                models.forEach(m -> scores.add(new double[1024]));
            }
        }

        /** The cohort's size: as counted, or, when it was not counted (-1) because everyone was read, as read. */
        int cohortSize(long counted) {
            return counted < 0 ? n : Math.toIntExact(counted);
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
                personRow = java.util.Arrays.copyOf(personRow, n * 2);
                age = java.util.Arrays.copyOf(age, n * 2);
                prior = java.util.Arrays.copyOf(prior, n * 2);
                admitted = java.util.Arrays.copyOf(admitted, n * 2);
                scores.replaceAll(s -> java.util.Arrays.copyOf(s, n * 2));
            }
            int k = NUMBERS.size();
            for (int f = 0; f < row.length; f++) {
                if (Double.isNaN(v[k + f])) {
                    // every feature is defined for everybody (missing measurements have their own flag)
                    throw new IllegalStateException("feature " + features.get(f).name() + " is empty in row " + n
                            + " of the cohort on " + index);
                }
                row[f] = v[k + f];
            }
            if (models == null) {
                x.add(row.clone());
            } else {
                for (int m = 0; m < models.size(); m++) {
                    scores.get(m)[n] = models.get(m).probability(row);
                }
            }
            admitted[n] = v[OUTCOME] > 0;
            if (!admitted[n] && text[0] != null) {
                died++;
            }
            ethnic.add(label(text[1]));
            imd.add(label(text[2]));
            sex.add(label(text[3]));
            personRow[n] = (int) v[ROW] - 1;
            age[n] = (int) v[AGE];
            prior[n] = v[PRIOR];
            n++;
        }

        private String label(String s) {
            return s == null ? null : labels.computeIfAbsent(s, l -> l);
        }

        List<String> featureNames() {
            return RiskFeatures.names();
        }

        /** order[i] is the streamed row that is i-th in person order. */
        int[] order() {
            if (order == null) {
                order = personOrder(personRow, n);
                personRow = null;
            }
            return order;
        }

        double[][] inPersonOrder(List<double[]> rows) {
            int[] o = order();
            double[][] out = new double[n][];
            for (int i = 0; i < n; i++) {
                out[i] = rows.get(o[i]);
            }
            return out;
        }

        RiskPeople people() {
            int[] o = order();
            boolean[] admittedInOrder = new boolean[n];
            String[] ethnicInOrder = new String[n], imdInOrder = new String[n], sexInOrder = new String[n];
            int[] ageInOrder = new int[n];
            double[] priorInOrder = new double[n];
            for (int i = 0; i < n; i++) {
                int r = o[i];
                admittedInOrder[i] = admitted[r];
                ethnicInOrder[i] = ethnic.get(r);
                imdInOrder[i] = imd.get(r);
                sexInOrder[i] = sex.get(r);
                ageInOrder[i] = age[r];
                priorInOrder[i] = prior[r];
            }
            return new RiskPeople(
                    index, admittedInOrder, died, ethnicInOrder, imdInOrder, sexInOrder, ageInOrder, priorInOrder);
        }
    }

    /**
     * Inverts the rows' places in person order into the rows in that order, refusing anything but a permutation of
     * 0..n-1: the engine numbers one row per person, so a repeated or missing number means the join that brought the
     * numbers multiplied or lost rows.
     */
    static int[] personOrder(int[] personRow, int n) {
        int[] order = new int[n];
        java.util.Arrays.fill(order, -1);
        for (int row = 0; row < n; row++) {
            int place = personRow[row];
            if (place < 0 || place >= n || order[place] != -1) {
                throw new IllegalStateException("the risk cohort's person order is not one row per person (row " + row
                        + " numbered " + (place + 1) + " of " + n + ")");
            }
            order[place] = row;
        }
        return order;
    }
}
