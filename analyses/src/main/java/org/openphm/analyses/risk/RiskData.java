package org.openphm.analyses.risk;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Query;

/**
 * A cohort read into arrays for fitting: the feature matrix and the people ({@link RiskPeople}: outcome, deaths
 * without an admission, the groups of the fairness audit, the baseline). Rows are in person order (person_id
 * ascending), so a fit on the same workspace is the same fit on any engine. Validation reads a cohort scored as it
 * streams instead ({@link #scored}), without the features.
 */
public record RiskData(List<String> featureNames, double[][] x, RiskPeople people) {

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
     * outcome, age and the baseline score as numbers, then the features.
     */
    static final List<String> TEXT = List.of("person_id", "death_after", "ethnic_group", "imd_quintile", "sex");

    static final List<String> NUMBERS = List.of("emergency_after", "age", "prior_emergencies");

    /**
     * Streams the cohort from the engine (only the columns the model needs) into primitive arrays: a whole ICB's
     * cohort never sits in memory as boxed rows.
     */
    public static RiskData load(Engine engine, LocalDate index) {
        Reader reader = read(engine, index, null);
        return new RiskData(reader.featureNames(), reader.inPersonOrder(reader.x), reader.people());
    }

    /**
     * The cohort scored by each model as its rows stream in; the features of a row are dropped once scored. The
     * probabilities are those {@link ScoredModel#probability} gives for the row {@link #load} would hold, in the
     * same order.
     */
    public static ScoredCohort scored(Engine engine, LocalDate index, List<? extends ScoredModel> models) {
        List<String> names =
                RiskFeatures.all().stream().map(RiskFeatures.Feature::name).toList();
        for (ScoredModel m : models) {
            if (!m.features().equals(names)) {
                throw new IllegalArgumentException(
                        "the model was fitted on other features than the cohort has: " + m.features());
            }
        }
        Reader reader = read(engine, index, List.copyOf(models));
        List<double[]> risks = new java.util.ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            double[] inOrder = new double[reader.n];
            int[] order = reader.order();
            for (int i = 0; i < inOrder.length; i++) {
                inOrder[i] = reader.scores.get(model)[order[i]];
            }
            risks.add(inOrder);
        }
        return new ScoredCohort(reader.people(), List.copyOf(risks));
    }

    private static Reader read(Engine engine, LocalDate index, List<ScoredModel> models) {
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
        private final java.util.List<String> person = new java.util.ArrayList<>();
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
            admitted[n] = v[0] > 0;
            if (!admitted[n] && text[1] != null) {
                died++;
            }
            person.add(text[0]);
            ethnic.add(label(text[2]));
            imd.add(label(text[3]));
            sex.add(label(text[4]));
            age[n] = (int) v[1];
            prior[n] = v[2];
            n++;
        }

        private String label(String s) {
            return s == null ? null : labels.computeIfAbsent(s, l -> l);
        }

        List<String> featureNames() {
            return features.stream().map(RiskFeatures.Feature::name).toList();
        }

        int[] order() {
            if (order == null) {
                order = personOrder(person);
                person.clear();
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
