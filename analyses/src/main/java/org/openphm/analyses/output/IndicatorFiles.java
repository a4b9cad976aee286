package org.openphm.analyses.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.model.CsvTableWriter;

/**
 * Writes tidy indicator results in the three published shapes: our CSV, the same as Parquet, and the
 * column layout of a Fingertips data download, so analysts can feed it to tools built for Fingertips.
 */
public final class IndicatorFiles {
    private IndicatorFiles() {}

    public static final String CSV = "indicators.csv";
    public static final String PARQUET = "indicators.parquet";
    public static final String FINGERTIPS_CSV = "indicators_fingertips.csv";

    /**
     * The header of a Fingertips "all data" CSV download (as PHE/OHID's PholioVisualisation services emit it);
     * "Compared to Region" is ours to fill with the parent comparison.
     */
    static final List<String> FINGERTIPS_COLUMNS = List.of("Indicator ID", "Indicator Name", "Parent Code",
            "Parent Name", "Area Code", "Area Name", "Area Type", "Sex", "Age", "Category Type", "Category",
            "Time period", "Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit",
            "Upper CI 99.8 limit", "Count", "Denominator", "Value note", "Recent Trend",
            "Compared to England value or percentiles", "Compared to parent value or percentiles",
            "Time period Sortable", "New data", "Compared to goal");

    public static List<Path> write(Path resultsDir, List<IndicatorRow> rows, java.util.Map<String, String> areaNames)
            throws IOException {
        Path csv = resultsDir.resolve(CSV);
        try (CsvTableWriter w = CsvTableWriter.forSpreadsheets(csv, IndicatorRow.COLUMNS)) {
            for (IndicatorRow r : rows) {
                Object[] v = r.values();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] instanceof Double d) {
                        v[i] = NumberFormat.plain(d);
                    }
                }
                w.row(v);
            }
        }
        Path fingertips = resultsDir.resolve(FINGERTIPS_CSV);
        try (CsvTableWriter w = CsvTableWriter.forSpreadsheets(fingertips, FINGERTIPS_COLUMNS)) {
            for (IndicatorRow r : rows) {
                w.row(r.indicatorId(), r.indicatorName(), r.parentCode(), areaNames.get(r.parentCode()), r.areaCode(),
                        r.areaName(), r.areaType(), r.sex(), r.age(), r.categoryType(), r.category(), r.period(),
                        NumberFormat.plain(r.value()), NumberFormat.plain(r.lowerCi95()),
                        NumberFormat.plain(r.upperCi95()), NumberFormat.plain(r.lowerCi998()),
                        NumberFormat.plain(r.upperCi998()), NumberFormat.plain(r.count()),
                        NumberFormat.plain(r.denominator()), r.note(), r.recentTrend(), r.comparedToEngland(),
                        r.comparedToParent(), sortablePeriod(r.period()), null, null);
            }
        }
        Path parquet = resultsDir.resolve(PARQUET);
        toParquet(csv, parquet);
        return List.of(csv, parquet, fingertips);
    }

    /** "2024/25" -> 20240000, the Fingertips sortable form of a financial year. */
    static String sortablePeriod(String period) {
        if (period != null && period.matches("\\d{4}/\\d{2}")) {
            return period.substring(0, 4) + "0000";
        }
        return null;
    }

    /**
     * The disclosure class of every column of the indicator files, by file: counts and denominators are counts,
     * values and limits derived from them, everything else reference (labels, codes, comparisons).
     */
    public static java.util.Map<String, java.util.Map<String, String>> disclosureClasses() {
        java.util.Map<String, java.util.Map<String, String>> files = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> tidy = classes(IndicatorRow.COLUMNS, List.of("count", "denominator"),
                List.of("value", "lower_ci95", "upper_ci95", "lower_ci998", "upper_ci998"));
        files.put(CSV, tidy);
        files.put(PARQUET, tidy);
        files.put(FINGERTIPS_CSV, classes(FINGERTIPS_COLUMNS, List.of("Count", "Denominator"), List.of("Value",
                "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit")));
        return files;
    }

    private static java.util.Map<String, String> classes(List<String> columns, List<String> counts,
                                                         List<String> derived) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String c : columns) {
            out.put(c, counts.contains(c) ? "count" : derived.contains(c) ? "derived" : "reference");
        }
        return out;
    }

    private static final List<String> NUMERIC = List.of("count", "denominator", "value", "lower_ci95",
            "upper_ci95", "lower_ci998", "upper_ci998");

    private static void toParquet(Path csv, Path parquet) throws IOException {
        ParquetFromCsv.convert(csv, parquet,
                ParquetFromCsv.types(IndicatorRow.COLUMNS, c -> NUMERIC.contains(c) ? "DOUBLE" : "VARCHAR"));
    }
}
