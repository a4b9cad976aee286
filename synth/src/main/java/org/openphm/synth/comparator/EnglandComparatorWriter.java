package org.openphm.synth.comparator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.ReferenceCsv;
import org.openphm.model.Totals;
import org.openphm.synth.feeds.Cells;

/**
 * Writes the england_comparator reference table for the QOF prevalence indicators (DP 5, DP 3.3): the
 * published 2019/20 England figures where the project holds them, and synthetic later years flagged
 * {@code synthetic = true} so no report can pass them off as real.
 */
public final class EnglandComparatorWriter {
    private EnglandComparatorWriter() {}

    /** First and last financial years written (start years): the span of the synthetic population's pack. */
    static final int FIRST_YEAR = 2019;

    static final int LAST_YEAR = 2025;

    /**
     * Synthetic annual relative change in England prevalence after 2019/20, per register. An assumption of
     * ours (registers of conditions of ageing grow, others are flat), not a published figure: it only gives
     * the synthetic England comparator a plausible shape.
     */
    private static final Map<String, Double> SYNTHETIC_ANNUAL_CHANGE = Map.ofEntries(
            Map.entry("AF", 0.020),
            Map.entry("AST", 0.000),
            Map.entry("CAN", 0.035),
            Map.entry("CHD", -0.010),
            Map.entry("CKD", 0.000),
            Map.entry("COPD", 0.000),
            Map.entry("DEM", 0.000),
            Map.entry("DEP", 0.040),
            Map.entry("DM", 0.025),
            Map.entry("EP", 0.000),
            Map.entry("HF", 0.040),
            Map.entry("HYP", 0.005),
            Map.entry("LD", 0.030),
            Map.entry("MH", 0.010),
            Map.entry("NDH", 0.120),
            Map.entry("OB", 0.030),
            Map.entry("OST", 0.060),
            Map.entry("PAD", -0.010),
            Map.entry("PC", 0.030),
            Map.entry("RA", 0.000),
            Map.entry("STIA", 0.010));

    /** Group codes of the public file whose register OpenPHM calls otherwise. */
    private static final Map<String, String> REGISTER_ID = Map.of("MH", "SMI");

    /** The public England QOF 2019/20 rows: group code -> {register, list}. */
    static Map<String, double[]> publicQof2019() throws IOException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (ReferenceCsv.Row r :
                ReferenceCsv.read(EnglandComparatorWriter.class, "/comparator/england_qof_2019_20.csv")) {
            rows.put(r.get("group_code"), new double[] {r.number("register"), r.number("list")});
        }
        return rows;
    }

    /**
     * Writes england_comparator.csv into {@code dir}.
     *
     * @param ageLabels register id -> the indicator's age label (e.g. "17+ yrs"), for the registers to write
     * @return rows written
     */
    public static long write(Path dir, Map<String, String> ageLabels) throws IOException {
        Map<String, double[]> base = publicQof2019();
        try (CsvTableWriter w = new CsvTableWriter(dir, CanonicalSchema.ENGLAND_COMPARATOR)) {
            for (Map.Entry<String, double[]> e : base.entrySet()) {
                String register = REGISTER_ID.getOrDefault(e.getKey(), e.getKey());
                String age = ageLabels.get(register);
                Double change = SYNTHETIC_ANNUAL_CHANGE.get(e.getKey());
                if (age == null || change == null) {
                    continue;
                }
                double count = e.getValue()[0];
                double list = e.getValue()[1];
                double pct = 100.0 * count / list;
                String id = "qof-prevalence-" + register.toLowerCase();
                w.row(
                        id,
                        period(FIRST_YEAR),
                        Totals.PERSONS,
                        age,
                        round(pct),
                        null,
                        null,
                        null,
                        null,
                        count,
                        list,
                        false,
                        "QOF 2019/20, England (sum of English regions, House of Commons Library modelled "
                                + "QOF prevalence outputs/output_region_prevalence.csv)");
                for (int y = FIRST_YEAR + 1; y <= LAST_YEAR; y++) {
                    double synthetic = pct * Math.pow(1 + change, y - FIRST_YEAR);
                    w.row(
                            id,
                            period(y),
                            Totals.PERSONS,
                            age,
                            round(synthetic),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            true,
                            "SYNTHETIC: 2019/20 England value projected at an assumed " + Cells.number(change * 100, 3)
                                    + "% a year; not a published figure");
                }
            }
            return w.rows();
        }
    }

    private static String period(int startYear) {
        return String.format("%d/%02d", startYear, (startYear + 1) % 100);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
