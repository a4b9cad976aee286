package org.openphm.publish.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.model.results.PackMetadata;

/**
 * A built output directory as the analyses left it ({@code DIR/results/}: metadata.json, indicators.csv and
 * each analysis's table files), loaded once and read many times by the pack writer and the server. Nothing
 * here recomputes a figure: it only selects from published, disclosure-controlled results.
 */
public final class ResultsDir {
    public static final String RESULTS = "results";
    public static final String METADATA = "metadata.json";
    public static final String INDICATORS = "indicators.csv";

    private final Path resultsDir;
    private final PackMetadata metadata;
    private final DataTable indicators;
    private final Map<String, DataTable> byIndicator;
    private final List<Area> areas;
    private final Map<String, DataTable> analysisTables = new ConcurrentHashMap<>();

    private ResultsDir(Path resultsDir, PackMetadata metadata, DataTable indicators) {
        this.resultsDir = resultsDir;
        this.metadata = metadata;
        this.indicators = indicators;
        this.byIndicator = splitByIndicator(indicators);
        this.areas = collectAreas(indicators);
    }

    /** Loads {@code buildDir/results}; fails with the file named if metadata or indicators are missing or bad. */
    public static ResultsDir load(Path buildDir) throws IOException {
        Path results = buildDir.resolve(RESULTS);
        Path meta = results.resolve(METADATA);
        if (!Files.isRegularFile(meta)) {
            throw new IOException("no " + meta + ": run `phm build` first");
        }
        PackMetadata metadata = mapper().readValue(meta.toFile(), PackMetadata.class);
        Path csv = results.resolve(INDICATORS);
        DataTable indicators = Files.isRegularFile(csv)
                ? DataTable.fromCsv(INDICATORS, CsvReader.read(csv))
                : new DataTable(INDICATORS, IndicatorColumns.NAMES, List.of());
        for (String required : List.of(
                IndicatorColumns.INDICATOR_ID,
                IndicatorColumns.AREA_CODE,
                IndicatorColumns.PERIOD,
                IndicatorColumns.VALUE)) {
            if (!indicators.has(required)) {
                throw new IOException(csv + ": no column " + required);
            }
        }
        return new ResultsDir(results, metadata, indicators);
    }

    /** The JSON mapper for metadata: tolerant of fields added by newer analyses. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Path resultsDir() {
        return resultsDir;
    }

    public PackMetadata metadata() {
        return metadata;
    }

    /** Every indicator row. */
    public DataTable indicators() {
        return indicators;
    }

    /** Rows of one indicator (empty table if it has none). */
    public DataTable indicator(String id) {
        return byIndicator.getOrDefault(id, new DataTable(INDICATORS, indicators.columns(), List.of()));
    }

    public Optional<PackMetadata.IndicatorInfo> indicatorInfo(String id) {
        return metadata.indicators().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<PackMetadata.AnalysisInfo> analysis(String id) {
        return metadata.analyses().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Every area that has an indicator row, widest geography first. */
    public List<Area> areas() {
        return areas;
    }

    public Optional<Area> area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * An analysis table file, relative to results/; read on first use and kept. The path must stay inside
     * results/ (it comes from metadata, and through the API from a table name, never from raw user input).
     */
    public DataTable table(String file) throws IOException {
        DataTable cached = analysisTables.get(file);
        if (cached != null) {
            return cached;
        }
        DataTable table = DataTable.fromCsv(file, CsvReader.read(tableFile(file)));
        analysisTables.put(file, table);
        return table;
    }

    /** The published file of an analysis table, checked to lie inside results/ and to exist. */
    public Path tableFile(String file) throws IOException {
        Path path = resultsDir.resolve(file).normalize();
        if (!path.startsWith(resultsDir.normalize())) {
            throw new IOException("table file outside results/: " + file);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no table file " + path);
        }
        return path;
    }

    private static Map<String, DataTable> splitByIndicator(DataTable all) {
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        int id = all.indexOf(IndicatorColumns.INDICATOR_ID);
        for (List<String> row : all.rows()) {
            rows.computeIfAbsent(row.get(id), k -> new ArrayList<>()).add(row);
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, new DataTable(INDICATORS, all.columns(), v)));
        return out;
    }

    private static List<Area> collectAreas(DataTable all) {
        Map<String, Area> seen = new LinkedHashMap<>();
        for (List<String> row : all.rows()) {
            String code = all.get(row, IndicatorColumns.AREA_CODE);
            if (code != null && !seen.containsKey(code)) {
                seen.put(
                        code,
                        new Area(
                                code,
                                orElse(all.get(row, IndicatorColumns.AREA_NAME), code),
                                orElse(all.get(row, IndicatorColumns.AREA_TYPE), ""),
                                all.get(row, IndicatorColumns.PARENT_CODE)));
            }
        }
        List<Area> out = new ArrayList<>(seen.values());
        out.sort((a, b) -> {
            int c = Integer.compare(typeRank(a.type()), typeRank(b.type()));
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        return List.copyOf(out);
    }

    private static int typeRank(String type) {
        int i = IndicatorColumns.AREA_TYPES.indexOf(type);
        return i < 0 ? IndicatorColumns.AREA_TYPES.size() : i;
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }
}
