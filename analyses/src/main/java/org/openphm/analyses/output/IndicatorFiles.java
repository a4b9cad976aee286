package org.openphm.analyses.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.model.AreaType;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.results.Disclosure;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.ResultColumn;
import org.openphm.stats.Polarity;

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
     * The header of a current Fingertips "all data" CSV download ({@code GET /api/all_data/csv/by_profile_id} and
     * its siblings), 27 columns in this order. Checked (December 2026) against public copies of that header:
     * PHE/OHID's PholioVisualisation service tests (ServicesWebTest DataControllerTest.HeaderText: the 26
     * columns up to "Compared to goal", with "Compared to Region value or percentiles" for a region parent), and
     * current downloads as read by public code, which add "Time period range" last with values such as "1y"
     * (fingertipsR's vignette output, 27 columns; an ICB warehouse model of Fingertips' INDICATOR_DATA; a
     * connector test whose rows end ",1y"). The 23rd column is named after the parent area type, as Fingertips
     * does ("Compared to Region value or percentiles", "Compared to Counties &amp; UAs (from Apr 2021) value or
     * percentiles" in a public analysis script): see
     * {@link #parentComparisonColumn}.
     */
    static List<String> fingertipsColumns(String parentComparisonColumn) {
        return List.of(
                "Indicator ID",
                "Indicator Name",
                "Parent Code",
                "Parent Name",
                "Area Code",
                "Area Name",
                "Area Type",
                "Sex",
                "Age",
                "Category Type",
                "Category",
                "Time period",
                "Value",
                "Lower CI 95.0 limit",
                "Upper CI 95.0 limit",
                "Lower CI 99.8 limit",
                "Upper CI 99.8 limit",
                "Count",
                "Denominator",
                "Value note",
                "Recent Trend",
                "Compared to England value or percentiles",
                parentComparisonColumn,
                "Time period Sortable",
                "New data",
                "Compared to goal",
                "Time period range");
    }

    /**
     * The parent comparison column of a file that mixes parent area types. Our file always does: the ICB's
     * parent is England, a Place's the ICB, a neighbourhood's its Place, a PCN's its neighbourhood, a practice's
     * its PCN ({@link AreaType#parent()}). Fingertips names the column after the one parent area type of a
     * download; for an export that holds several, Fingertips' own front-end CSV export labels it generically
     * (its TypeScript header map: comparedToRegionValueOrPercentiles = "Compared to parent value or
     * percentiles"), and fingertipsR's combined output carries the same name: so do we, and each row's Parent
     * Code and Parent Name say which parent it was compared with.
     */
    static final String MIXED_PARENT_COLUMN = "Compared to parent value or percentiles";

    /** The header of {@link #FINGERTIPS_CSV} as every build writes it (parents of several area types). */
    static final List<String> FINGERTIPS_COLUMNS = fingertipsColumns(MIXED_PARENT_COLUMN);

    /**
     * "Compared to &lt;parent area type&gt; value or percentiles" when every row with a parent has a parent of one
     * area type (e.g. only Places: "Compared to ICB value or percentiles"), otherwise {@link #MIXED_PARENT_COLUMN}.
     */
    static String parentComparisonColumn(List<IndicatorRow> rows) {
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (IndicatorRow r : rows) {
            if (r.parentCode() != null && !r.parentCode().isEmpty()) {
                types.add(parentType(r.areaType()));
            }
        }
        return types.size() == 1
                ? "Compared to " + types.iterator().next() + " value or percentiles"
                : MIXED_PARENT_COLUMN;
    }

    private static String parentType(String areaType) {
        return AreaType.ofLabel(areaType).map(t -> t.parent().label()).orElse("parent");
    }

    /**
     * Fingertips' recent trend labels (PholioVisualisation TrendMarkerLabelProvider and its Trend constants):
     * worded by polarity for RAG indicators, plain for "no judgement" (BOB) ones.
     */
    static final List<String> TREND_LABELS = List.of(
            "Cannot be calculated",
            "No significant change",
            "Increasing",
            "Decreasing",
            "Increasing and getting better",
            "Increasing and getting worse",
            "Decreasing and getting better",
            "Decreasing and getting worse");

    /** Our tidy recent trend ("Increasing", "Could not be calculated", ...) as Fingertips words it. */
    static String fingertipsTrend(String trend, Polarity polarity) {
        if (trend == null || trend.isEmpty()) {
            return null;
        }
        return switch (trend) {
            case "Could not be calculated" -> "Cannot be calculated";
            case "Increasing" ->
                polarity == Polarity.HIGH_IS_GOOD
                        ? "Increasing and getting better"
                        : polarity == Polarity.LOW_IS_GOOD ? "Increasing and getting worse" : "Increasing";
            case "Decreasing" ->
                polarity == Polarity.HIGH_IS_GOOD
                        ? "Decreasing and getting worse"
                        : polarity == Polarity.LOW_IS_GOOD ? "Decreasing and getting better" : "Decreasing";
            default -> trend;
        };
    }

    /**
     * Fingertips' "Time period range": the span of a period, "1y" for one year ("3y" for three pooled years).
     * Every OpenPHM period is one financial year ("2024/25"), so "1y".
     */
    static String timePeriodRange(String period) {
        return period != null && period.matches("\\d{4}/\\d{2}") ? "1y" : null;
    }

    public static List<Path> write(Path resultsDir, List<IndicatorRow> rows, java.util.Map<String, String> areaNames)
            throws IOException {
        return write(resultsDir, rows, areaNames, java.util.Map.of());
    }

    /** @param polarities each indicator's polarity by slug, for the wording of its recent trend */
    public static List<Path> write(
            Path resultsDir,
            List<IndicatorRow> rows,
            java.util.Map<String, String> areaNames,
            java.util.Map<String, Polarity> polarities)
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
        try (CsvTableWriter w =
                CsvTableWriter.forSpreadsheets(fingertips, fingertipsColumns(parentComparisonColumn(rows)))) {
            for (IndicatorRow r : rows) {
                w.row(
                        String.valueOf(IndicatorNumbers.require(r.indicatorId())),
                        r.indicatorName(),
                        r.parentCode(),
                        r.parentCode() == null ? null : areaNames.get(r.parentCode()),
                        r.areaCode(),
                        r.areaName(),
                        r.areaType(),
                        r.sex(),
                        r.age(),
                        r.categoryType(),
                        r.category(),
                        r.period(),
                        NumberFormat.plain(r.value()),
                        NumberFormat.plain(r.lowerCi95()),
                        NumberFormat.plain(r.upperCi95()),
                        NumberFormat.plain(r.lowerCi998()),
                        NumberFormat.plain(r.upperCi998()),
                        NumberFormat.plain(r.count()),
                        NumberFormat.plain(r.denominator()),
                        r.note(),
                        fingertipsTrend(
                                r.recentTrend(), polarities.getOrDefault(r.indicatorId(), Polarity.NO_JUDGEMENT)),
                        r.comparedToEngland(),
                        r.comparedToParent(),
                        sortablePeriod(r.period()),
                        null,
                        null,
                        timePeriodRange(r.period()));
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
        java.util.Map<String, String> tidy = new java.util.LinkedHashMap<>();
        for (ResultColumn c : IndicatorColumns.ALL) {
            tidy.put(c.name(), c.disclosure().code());
        }
        files.put(CSV, tidy);
        files.put(PARQUET, tidy);
        files.put(
                FINGERTIPS_CSV,
                classes(
                        FINGERTIPS_COLUMNS,
                        List.of("Count", "Denominator"),
                        List.of(
                                "Value",
                                "Lower CI 95.0 limit",
                                "Upper CI 95.0 limit",
                                "Lower CI 99.8 limit",
                                "Upper CI 99.8 limit")));
        return files;
    }

    private static java.util.Map<String, String> classes(
            List<String> columns, List<String> counts, List<String> derived) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String c : columns) {
            out.put(
                    c,
                    (counts.contains(c)
                                    ? Disclosure.COUNT
                                    : derived.contains(c) ? Disclosure.DERIVED : Disclosure.REFERENCE)
                            .code());
        }
        return out;
    }

    private static void toParquet(Path csv, Path parquet) throws IOException {
        ParquetFromCsv.convert(
                csv,
                parquet,
                ParquetFromCsv.types(
                        IndicatorColumns.NAMES,
                        c -> IndicatorColumns.column(c).type().numeric() ? "DOUBLE" : "VARCHAR"));
    }
}
