package org.openphm.analyses.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.stats.Polarity;

/** results/indicators_fingertips.csv read back as a Fingertips download would be read. */
class FingertipsFileTest {
    /**
     * A current Fingertips "all data" CSV header, written out by hand from the public copies cited on
     * IndicatorFiles.fingertipsColumns (PholioVisualisation's HeaderText plus "Time period range"), with the
     * parent column of a download whose parents are of several area types.
     */
    static final String FINGERTIPS_HEADER = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,"
            + "Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,"
            + "Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,"
            + "Recent Trend,Compared to England value or percentiles,Compared to parent value or percentiles,"
            + "Time period Sortable,New data,Compared to goal,Time period range";

    static final Set<String> COMPARISONS = Set.of("Better", "Similar", "Worse", "Higher", "Lower", "Not compared");
    static final Set<String> TRENDS = Set.of(
            "Cannot be calculated",
            "No significant change",
            "Increasing",
            "Decreasing",
            "Increasing and getting better",
            "Increasing and getting worse",
            "Decreasing and getting better",
            "Decreasing and getting worse");

    @TempDir
    Path dir;

    private static IndicatorRow row(
            String id,
            String area,
            String name,
            String type,
            String parent,
            String period,
            String vsEngland,
            String vsParent,
            String trend) {
        return new IndicatorRow(
                id,
                "Indicator " + id,
                "DP 5.9",
                area,
                name,
                type,
                parent,
                period,
                "Persons",
                "17+",
                null,
                null,
                120.0,
                1000.0,
                12.0,
                10.1,
                14.2,
                9.5,
                14.9,
                vsEngland,
                vsParent,
                trend,
                null,
                vsEngland,
                vsParent);
    }

    private static List<IndicatorRow> rows() {
        return List.of(
                row("qof-prevalence-dm", "E92000001", "England", "England", null, "2024/25", null, null, "Increasing"),
                row(
                        "qof-prevalence-dm",
                        "E54000024",
                        "BLMK",
                        "ICB",
                        "E92000001",
                        "2024/25",
                        "Higher",
                        "Higher",
                        "Decreasing"),
                row(
                        "qof-prevalence-dm",
                        "E06000032",
                        "Luton",
                        "Place",
                        "E54000024",
                        "2024/25",
                        "Higher",
                        "Similar",
                        "Could not be calculated"),
                row(
                        "self-harm-admissions-dsr",
                        "E06000032",
                        "Luton",
                        "Place",
                        "E54000024",
                        "2023/24",
                        "Worse",
                        "Better",
                        "Increasing"),
                row(
                        "self-harm-admissions-dsr",
                        "N0001",
                        "Luton North",
                        "Neighbourhood",
                        "E06000032",
                        "2024/25",
                        "Not compared",
                        "Similar",
                        "No significant change"),
                row(
                        "hypertension-bp-control",
                        "E06000032",
                        "Luton",
                        "Place",
                        "E54000024",
                        "2024/25",
                        "Better",
                        "Worse",
                        "Decreasing"));
    }

    private static List<CSVRecord> read(Path file, List<String> header) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            header.addAll(p.getHeaderNames());
            return p.getRecords();
        }
    }

    @Test
    void theHeaderIsACurrentFingertipsDownloadsAndTheValuesUseItsLabels() throws Exception {
        IndicatorFiles.write(
                dir,
                rows(),
                Map.of("E92000001", "England", "E54000024", "BLMK", "E06000032", "Luton"),
                Map.of(
                        "qof-prevalence-dm",
                        Polarity.NO_JUDGEMENT,
                        "self-harm-admissions-dsr",
                        Polarity.LOW_IS_GOOD,
                        "hypertension-bp-control",
                        Polarity.HIGH_IS_GOOD));
        List<String> header = new ArrayList<>();
        List<CSVRecord> records = read(dir.resolve(IndicatorFiles.FINGERTIPS_CSV), header);
        assertEquals(List.of(FINGERTIPS_HEADER.split(",")), header);
        assertEquals(IndicatorFiles.FINGERTIPS_COLUMNS, header, "the header the output checker is told about");
        assertEquals(
                header,
                List.copyOf(IndicatorFiles.disclosureClasses()
                        .get(IndicatorFiles.FINGERTIPS_CSV)
                        .keySet()),
                "every column has its disclosure class");
        assertEquals(6, records.size());
        for (CSVRecord r : records) {
            int id = Integer.parseInt(r.get("Indicator ID"));
            assertTrue(id > 900_000, "a Fingertips-parsable integer id outside OHID's range: " + id);
            for (String c :
                    List.of("Compared to England value or percentiles", "Compared to parent value or percentiles")) {
                assertTrue(r.get(c).isEmpty() || COMPARISONS.contains(r.get(c)), c + ": " + r.get(c));
            }
            assertTrue(
                    r.get("Recent Trend").isEmpty() || TRENDS.contains(r.get("Recent Trend")), r.get("Recent Trend"));
            assertEquals("1y", r.get("Time period range"), "one financial year");
            assertFalse(r.get("Time period Sortable").isEmpty());
        }
        assertEquals(
                String.valueOf(IndicatorNumbers.require("qof-prevalence-dm")),
                records.get(0).get("Indicator ID"));
        assertEquals(
                IndicatorNumbers.require("self-harm-admissions-dsr"),
                Integer.parseInt(records.get(3).get("Indicator ID")));
        // Recent trend worded by polarity, as Fingertips does.
        assertEquals("Increasing", records.get(0).get("Recent Trend"), "no judgement (BOB)");
        assertEquals("Decreasing", records.get(1).get("Recent Trend"));
        assertEquals("Cannot be calculated", records.get(2).get("Recent Trend"));
        assertEquals("Increasing and getting worse", records.get(3).get("Recent Trend"), "low is good");
        assertEquals("No significant change", records.get(4).get("Recent Trend"));
        assertEquals("Decreasing and getting worse", records.get(5).get("Recent Trend"), "high is good");
        assertEquals("BLMK", records.get(2).get("Parent Name"));
        // the main file keeps the slug
        String tidy = Files.readString(dir.resolve(IndicatorFiles.CSV));
        assertTrue(tidy.contains("\nqof-prevalence-dm,"), "indicators.csv keeps the slug as indicator_id");
    }

    @Test
    void oneParentAreaTypeNamesTheParentColumnAfterIt() throws Exception {
        List<IndicatorRow> places =
                rows().stream().filter(r -> r.areaType().equals("Place")).toList();
        IndicatorFiles.write(dir, places, Map.of());
        List<String> header = new ArrayList<>();
        read(dir.resolve(IndicatorFiles.FINGERTIPS_CSV), header);
        assertEquals("Compared to ICB value or percentiles", header.get(22));
        List<IndicatorRow> neighbourhoods = rows().stream()
                .filter(r -> r.areaType().equals("Neighbourhood"))
                .toList();
        assertEquals("Compared to Place value or percentiles", IndicatorFiles.parentComparisonColumn(neighbourhoods));
    }

    @Test
    void anIndicatorWithoutANumberIsNotWrittenWithAGuess() {
        List<IndicatorRow> unknown = List.of(row(
                "not-registered", "E06000032", "Luton", "Place", "E54000024", "2024/25", "Higher", "Similar", null));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> IndicatorFiles.write(dir, unknown, Map.of()));
    }
}
