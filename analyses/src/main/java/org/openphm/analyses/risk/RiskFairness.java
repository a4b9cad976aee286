package org.openphm.analyses.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.openphm.stats.Estimate;
import org.openphm.stats.PoissonLimits;
import org.openphm.stats.Proportions;
import org.openphm.stats.prediction.Capture;
import org.openphm.stats.prediction.Discrimination;

/**
 * Whether the model serves every group alike (issue 11, item 5), by ethnic group, IMD quintile, sex and age
 * band, on the validation year: discrimination within the group (AUC, DeLong 95% CI), calibration-in-the-large
 * (observed / expected admissions, exact or Byar 95% limits on the observed count), and what the top-5% list
 * misses (the group's admissions outside it: the false-negative rate at that threshold, Wilson 95% CI), beside
 * the group's share of the list and of the admissions. A disparity is flagged only when its interval excludes
 * parity: the whole population's AUC, an O/E of 1, the whole population's false-negative rate.
 */
public final class RiskFairness {
    /** Groups with fewer admissions or non-admissions than this get no AUC (DeLong's variance needs both). */
    static final int MIN_FOR_AUC = 10;

    static final double TOP = 0.05;

    private RiskFairness() {}

    public record Row(
            String dimension,
            String group,
            int people,
            int admissions,
            Double auc,
            Double aucLower,
            Double aucUpper,
            boolean aucFlag,
            double observed,
            double expected,
            double oe,
            double oeLower,
            double oeUpper,
            boolean oeFlag,
            int listed,
            double shareOfList,
            double shareOfAdmissions,
            int missed,
            Double fnr,
            Double fnrLower,
            Double fnrUpper,
            boolean fnrFlag) {}

    public static final List<String> AGE_BANDS = List.of("0-17", "18-44", "45-64", "65-79", "80+");

    static String ageBand(int age) {
        return age < 18 ? "0-17" : age < 45 ? "18-44" : age < 65 ? "45-64" : age < 80 ? "65-79" : "80+";
    }

    public static List<Row> audit(RiskPeople data, double[] risk) {
        int n = data.size();
        boolean[] admitted = data.admitted();
        Discrimination.Auc overallAuc = Discrimination.auc(risk, admitted);
        // the top-5% list: the people it holds
        boolean[] listed = Capture.listed(risk, TOP);
        int admissions = data.admissions();
        int caught = 0;
        for (int i = 0; i < n; i++) {
            caught += listed[i] && admitted[i] ? 1 : 0;
        }
        double overallFnr = admissions == 0 ? Double.NaN : 1 - (double) caught / admissions;
        int listSize = 0;
        for (boolean l : listed) {
            listSize += l ? 1 : 0;
        }
        List<Row> out = new ArrayList<>();
        Map<String, IntFunction<String>> dimensions = new LinkedHashMap<>();
        dimensions.put("Ethnic group", i -> data.ethnicGroup()[i]);
        dimensions.put("IMD quintile", i -> data.imdQuintile()[i]);
        dimensions.put("Sex", i -> data.sex()[i]);
        dimensions.put("Age band", i -> ageBand(data.age()[i]));
        for (Map.Entry<String, IntFunction<String>> d : dimensions.entrySet()) {
            Map<String, List<Integer>> groups = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                groups.computeIfAbsent(String.valueOf(d.getValue().apply(i)), g -> new ArrayList<>())
                        .add(i);
            }
            for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                out.add(row(
                        d.getKey(),
                        g.getKey(),
                        g.getValue(),
                        risk,
                        admitted,
                        listed,
                        overallAuc.auc(),
                        overallFnr,
                        listSize,
                        admissions));
            }
        }
        return out;
    }

    private static Row row(
            String dimension,
            String group,
            List<Integer> members,
            double[] risk,
            boolean[] admitted,
            boolean[] listed,
            double overallAuc,
            double overallFnr,
            int listSize,
            int allAdmissions) {
        int m = members.size();
        double[] r = new double[m];
        boolean[] y = new boolean[m];
        int events = 0;
        int inList = 0;
        int caught = 0;
        double expected = 0;
        for (int k = 0; k < m; k++) {
            int i = members.get(k);
            r[k] = risk[i];
            y[k] = admitted[i];
            events += y[k] ? 1 : 0;
            inList += listed[i] ? 1 : 0;
            caught += listed[i] && y[k] ? 1 : 0;
            expected += risk[i];
        }
        Double auc = null;
        Double aucLo = null;
        Double aucHi = null;
        boolean aucFlag = false;
        if (events >= MIN_FOR_AUC && m - events >= MIN_FOR_AUC) {
            Discrimination.Auc a = Discrimination.auc(r, y);
            auc = a.auc();
            aucLo = a.lower();
            aucHi = a.upper();
            aucFlag = overallAuc < a.lower() || overallAuc > a.upper();
        }
        double oe = events / expected;
        double oeLo = PoissonLimits.lower(events, 0.95) / expected;
        double oeHi = PoissonLimits.upper(events, 0.95) / expected;
        Double fnr = null;
        Double fnrLo = null;
        Double fnrHi = null;
        boolean fnrFlag = false;
        if (events > 0) {
            Estimate missed = Proportions.proportion(events - caught, events, 1, 0.95);
            fnr = missed.value();
            fnrLo = missed.lower();
            fnrHi = missed.upper();
            fnrFlag = overallFnr < missed.lower() || overallFnr > missed.upper();
        }
        return new Row(
                dimension,
                group,
                m,
                events,
                auc,
                aucLo,
                aucHi,
                aucFlag,
                events,
                expected,
                oe,
                oeLo,
                oeHi,
                oeLo > 1 || oeHi < 1,
                inList,
                listSize == 0 ? 0 : (double) inList / listSize,
                allAdmissions == 0 ? 0 : (double) events / allAdmissions,
                events - caught,
                fnr,
                fnrLo,
                fnrHi,
                fnrFlag);
    }
}
