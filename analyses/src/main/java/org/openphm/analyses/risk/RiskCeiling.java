package org.openphm.analyses.risk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openphm.engine.Engine;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.SortKey;
import org.openphm.stats.prediction.Discrimination;

/**
 * The ceiling of issue 11: the best any model can do on synthetic data is the generator's own probability of
 * each person's admission, so the AUC of that probability bounds every model's. The generator writes it only on
 * request, to a file outside the data folder ({@code phm generate --ceiling}); ingest never reads it, and neither
 * does the model: it is joined here, after fitting, to the validation cohort to judge the model, never to train it.
 * A real ICB has no ceiling file; the command that takes one says so.
 */
public final class RiskCeiling {
    /** The ceiling file's columns after the identifier (nhs_number or person_id). */
    static final List<String> COLUMNS = List.of("financial_year", "expected_emergency_admissions", "probability");

    private RiskCeiling() {}

    /** Opens the workspace's pseudonymisation of NHS numbers (it needs the workspace key). */
    public interface Pseudonyms {
        UnaryOperator<String> open() throws IOException;
    }

    /**
     * The model, the baseline and the ceiling on the same people, and how far the model goes from chance towards
     * the ceiling: (AUC model - 0.5) / (AUC ceiling - 0.5).
     */
    public record Result(
            RiskModel.Performance ceiling,
            Discrimination.Difference ceilingMinusModel,
            double shareOfReachable,
            int people) {}

    /**
     * Reads one financial year of the ceiling file, keyed by the workspace's person_id.
     *
     * @param pseudonyms opens the workspace's NHS number to person_id function (its key's HMAC); opened only
     *                   when the file has an nhs_number column, as the generator writes by default
     */
    public static Map<String, Double> read(Path file, LocalDate index, Pseudonyms pseudonyms) throws IOException {
        String year = String.format("%d/%02d", index.getYear(), (index.getYear() + 1) % 100);
        Map<String, Double> truth = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var records = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in);
            List<String> header = records.getHeaderNames();
            boolean nhs = header.contains("nhs_number");
            if (!(nhs || header.contains("person_id")) || !header.containsAll(COLUMNS)) {
                throw new IOException(file + ": not a ceiling file (expected nhs_number or person_id, then "
                        + String.join(", ", COLUMNS) + "; got " + String.join(", ", header)
                        + "). Write one with phm generate --ceiling");
            }
            UnaryOperator<String> pseudonym = nhs ? pseudonyms.open() : UnaryOperator.identity();
            for (CSVRecord r : records) {
                if (!year.equals(r.get("financial_year"))) {
                    continue;
                }
                String id;
                try {
                    id = pseudonym.apply(r.get(nhs ? "nhs_number" : "person_id"));
                } catch (IllegalArgumentException e) {
                    throw new IOException(
                            file + " line " + (r.getRecordNumber() + 1) + ", field nhs_number: " + e.getMessage());
                }
                try {
                    truth.put(id, Double.parseDouble(r.get("probability")));
                } catch (NumberFormatException e) {
                    throw new IOException(
                            file + " line " + (r.getRecordNumber() + 1) + ", field probability: not a " + "number");
                }
            }
        }
        if (truth.isEmpty()) {
            throw new IOException(file + " has no row for the financial year " + year + " of the index date " + index);
        }
        return truth;
    }

    /**
     * The ceiling on a cohort, in the cohort's order (person_id, as {@link RiskData#load} reads it). Every person
     * of the cohort must be in the file: a missing one means the file belongs to another population or seed.
     */
    public static double[] align(Engine engine, LocalDate index, Map<String, Double> truth) {
        Collector c = new Collector(truth);
        engine.stream(
                RiskCohort.on(index)
                        .select(Named.as("person_id", Expr.col("person_id")))
                        .orderBy(SortKey.asc("person_id")),
                c);
        if (c.missing > 0) {
            throw new IllegalArgumentException(c.missing + " of the " + c.n + " people of the cohort on " + index
                    + " are not in the ceiling file: it was written for another population or seed than this "
                    + "workspace's; regenerate both with the same phm generate command");
        }
        return java.util.Arrays.copyOf(c.values, c.n);
    }

    /** Looks each streamed person up in the ceiling. */
    private static final class Collector implements Engine.RowSink {
        private final Map<String, Double> truth;
        private double[] values = new double[1024];
        private int n;
        private int missing;

        Collector(Map<String, Double> truth) {
            this.truth = truth;
        }

        @Override
        public void columns(List<String> names) {}

        @Override
        public void row(Object[] v) {
            Double p = truth.get((String) v[0]);
            if (p == null) {
                missing++;
                p = Double.NaN;
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, 2 * n);
            }
            values[n++] = p;
        }
    }

    /** The ceiling's performance beside a validated model's, on the validation cohort. */
    public static Result measure(double[] truth, RiskData data, RiskModel.Validation validation) {
        if (truth.length != data.size()) {
            throw new IllegalArgumentException(
                    "the ceiling has " + truth.length + " people, the cohort " + data.size());
        }
        RiskModel.Performance ceiling =
                RiskModel.performance("ceiling (the generator's probability)", truth, data.admitted(), true);
        double model = validation.model().auc().auc();
        return new Result(
                ceiling,
                Discrimination.compare(ceiling.auc(), validation.model().auc()),
                (model - 0.5) / (ceiling.auc().auc() - 0.5),
                data.size());
    }
}
