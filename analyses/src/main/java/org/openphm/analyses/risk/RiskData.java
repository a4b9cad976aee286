package org.openphm.analyses.risk;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;

/**
 * A cohort read into arrays for fitting and validating: the feature matrix, the outcome (one or more emergency
 * admissions in the 12 months), deaths without an admission (reported, not dropped: they count as no
 * admission, which is what a list made on the index date would have seen), and the groups of the fairness audit.
 * Rows are in person order, so a fit on the same workspace is the same fit.
 */
public record RiskData(LocalDate index, List<String> featureNames, double[][] x, boolean[] admitted,
                       int diedWithoutAdmission, String[] ethnicGroup, String[] imdQuintile, String[] sex,
                       int[] age, double[] priorEmergencies) {

    /** A cohort row as read back from the engine. */
    interface Row {
        Object get(String column);

        default double number(String column) {
            Object v = get(column);
            return v == null ? 0 : ((Number) v).doubleValue();
        }
    }

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

    public static RiskData load(Engine engine, LocalDate index) {
        Result r = engine.execute(RiskCohort.withFeatures(index)
                .orderBy(org.openphm.engine.query.SortKey.asc("person_id")));
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        int n = r.size();
        double[][] x = new double[n][features.size()];
        boolean[] admitted = new boolean[n];
        String[] ethnic = new String[n];
        String[] imd = new String[n];
        String[] sex = new String[n];
        int[] age = new int[n];
        double[] prior = new double[n];
        int died = 0;
        java.util.Map<String, Integer> columns = new java.util.HashMap<>();
        for (int c = 0; c < r.columns().size(); c++) {
            columns.put(r.columns().get(c), c);
        }
        for (int i = 0; i < n; i++) {
            List<Object> values = r.rows().get(i);
            Row row = column -> {
                Integer c = columns.get(column);
                if (c == null) {
                    throw new IllegalArgumentException("the risk cohort has no column " + column);
                }
                return values.get(c);
            };
            for (int f = 0; f < features.size(); f++) {
                Object v = row.get(features.get(f).name());
                if (v == null) {
                    // every feature is defined for everybody (missing measurements have their own flag)
                    throw new IllegalStateException("feature " + features.get(f).name() + " is empty in row " + i
                            + " of the cohort on " + index);
                }
                x[i][f] = ((Number) v).doubleValue();
            }
            admitted[i] = row.number("emergency_after") > 0;
            if (!admitted[i] && row.get("death_after") != null) {
                died++;
            }
            ethnic[i] = (String) row.get("ethnic_group");
            imd[i] = (String) row.get("imd_quintile");
            sex[i] = (String) row.get("sex");
            age[i] = (int) row.number("age");
            prior[i] = row.number("emergency_12m");
        }
        return new RiskData(index, features.stream().map(RiskFeatures.Feature::name).toList(), x, admitted, died,
                ethnic, imd, sex, age, prior);
    }
}
