package org.openphm.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;

/**
 * The publish fixture with what the area views need and it lacks, added after the pack is written (so the pack
 * tests' counts are unchanged):
 * <ul>
 *   <li>a PCN under Luton North with six practices, each with 5,000 people aged 17+, for QOF diabetes in
 *       2024/25 (counts 400, 410, 390, 405, 395 and 520: pooled 2,520 / 30,000 = 8.4%, the last practice far
 *       above it);</li>
 *   <li>an age-standardised copy of QOF diabetes (section DP 6.1) whose rows have no England comparison, as the
 *       full build's directly standardised rows have none (England's value is not published for them).</li>
 * </ul>
 */
final class DashboardFixture {
    private DashboardFixture() {}

    static final String PCN = "U0001";
    static final List<String> PRACTICES = List.of("P0001", "P0002", "P0003", "P0004", "P0005", "P0006");
    static final long[] PRACTICE_COUNTS = {400, 410, 390, 405, 395, 520};
    static final long PRACTICE_LIST = 5000;
    static final String DSR = "qof-diabetes-dsr";

    static void augment(Path dir) throws IOException {
        ResultsDir results = ResultsDir.load(dir);
        DataTable diabetes = results.indicator("qof-diabetes");
        List<String> columns = diabetes.columns();
        StringBuilder csv = new StringBuilder();
        String name = "Diabetes: QOF prevalence (17+)";
        long total = 0;
        for (long c : PRACTICE_COUNTS) {
            total += c;
        }
        csv.append(row(
                columns,
                "qof-diabetes",
                name,
                "DP 5.9",
                PCN,
                "Luton North PCN",
                "PCN",
                FixtureResults.LUTON_NORTH,
                total,
                PRACTICE_LIST * PRACTICES.size()));
        for (int i = 0; i < PRACTICES.size(); i++) {
            csv.append(row(
                    columns,
                    "qof-diabetes",
                    name,
                    "DP 5.9",
                    PRACTICES.get(i),
                    "Practice " + (i + 1),
                    "Practice",
                    PCN,
                    PRACTICE_COUNTS[i],
                    PRACTICE_LIST));
        }
        for (List<String> r : diabetes.rows()) {
            List<String> copy = new ArrayList<>(r);
            copy.set(columns.indexOf(IndicatorColumns.INDICATOR_ID), DSR);
            copy.set(
                    columns.indexOf(IndicatorColumns.INDICATOR_NAME),
                    "Diabetes: QOF prevalence, age-standardised (17+)");
            copy.set(columns.indexOf(IndicatorColumns.SECTION), "DP 6.1");
            copy.set(columns.indexOf(IndicatorColumns.COMPARED_TO_ENGLAND), "Not compared");
            csv.append(line(copy));
        }
        Files.writeString(
                dir.resolve("results").resolve(ResultsDir.INDICATORS),
                csv.toString(),
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Path meta = dir.resolve("results").resolve(ResultsDir.METADATA);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) json.readTree(meta.toFile());
        ArrayNode indicators = (ArrayNode) root.get("indicators");
        ObjectNode dsr = indicators.get(0).deepCopy();
        dsr.put("id", DSR);
        dsr.put("name", "Diabetes: QOF prevalence, age-standardised (17+)");
        dsr.put("section", "DP 6.1");
        dsr.put("value_type", "DSR per 100");
        dsr.put("method", "Directly standardised rate with Dobson confidence intervals");
        indicators.add(dsr);
        // the build's section for population health management, which the publish fixture predates
        ObjectNode phm = ((ArrayNode) root.get("sections")).addObject();
        phm.put("title", "Population Health Management");
        phm.put("number", 13);
        ((ArrayNode) root.get("analyses")).add(segmentTransitions(json, dir));
        json.writeValue(meta.toFile(), root);
    }

    static final String SEGMENTS = "phm-13.2-population-segments";

    /**
     * The segment transitions as the build publishes them (PHM 13.2), for the Sankey: three segments, people
     * arriving and leaving, and one suppressed movement (no value, so no band).
     */
    private static ObjectNode segmentTransitions(ObjectMapper json, Path dir) throws IOException {
        String file = SEGMENTS + "-transitions.csv";
        String icb = FixtureResults.ICB + ",BLMK ICB";
        Files.writeString(
                dir.resolve("results").resolve(file),
                String.join(
                                "\n",
                                "area_type,area_code,area_name,segment_from,segment_to,people",
                                "ICB," + icb + ",Not yet registered,Healthy,400",
                                "ICB," + icb + ",Healthy,Healthy,9000",
                                "ICB," + icb + ",Healthy,Stable long-term conditions,250",
                                "ICB," + icb + ",Stable long-term conditions,Stable long-term conditions,3000",
                                "ICB," + icb + ",Stable long-term conditions,Complex multimorbidity,120",
                                "ICB," + icb + ",Complex multimorbidity,Complex multimorbidity,500",
                                "ICB," + icb + ",Complex multimorbidity,Healthy,",
                                "ICB," + icb + ",Complex multimorbidity,Left or died,60")
                        + "\n",
                StandardCharsets.UTF_8);
        ObjectNode a = json.createObjectNode();
        a.put("id", SEGMENTS);
        a.put("section", "PHM 13.2");
        a.put("title", "Population segments: who needs what kind of care");
        a.put("definition", "Every registered person in one need segment.");
        a.put("method", "Priority-ordered rules.");
        a.put("source", "Fixture");
        a.putArray("caveats");
        ObjectNode table = a.putArray("tables").addObject();
        table.put("name", "transitions");
        table.put("file", file);
        ArrayNode columns = table.putArray("columns");
        for (String c : List.of("area_type", "area_code", "area_name", "segment_from", "segment_to", "people")) {
            ObjectNode col = columns.addObject();
            col.put("name", c);
            col.put("type", c.equals("people") ? "count" : "string");
            col.put("description", c);
            col.put("disclosure", c.equals("people") ? "count" : "reference");
        }
        ObjectNode chart = a.putArray("charts").addObject();
        chart.put("kind", "sankey");
        chart.put("title", "Movement between segments over the year");
        ObjectNode data = chart.putObject("data");
        data.putObject("filter").put("area_type", "ICB");
        data.put("table", file);
        chart.putObject("encoding")
                .put("from", "segment_from")
                .put("to", "segment_to")
                .put("value", "people");
        return a;
    }

    /** A headline row of a proportion with Wilson 95% and 99.8% limits; comparisons left "Not compared". */
    private static String row(
            List<String> columns,
            String id,
            String name,
            String section,
            String code,
            String areaName,
            String type,
            String parent,
            long count,
            long n) {
        String[] v = new String[columns.size()];
        set(v, columns, IndicatorColumns.INDICATOR_ID, id);
        set(v, columns, IndicatorColumns.INDICATOR_NAME, name);
        set(v, columns, IndicatorColumns.SECTION, section);
        set(v, columns, IndicatorColumns.AREA_CODE, code);
        set(v, columns, IndicatorColumns.AREA_NAME, areaName);
        set(v, columns, IndicatorColumns.AREA_TYPE, type);
        set(v, columns, IndicatorColumns.PARENT_CODE, parent);
        set(v, columns, IndicatorColumns.PERIOD, "2024/25");
        set(v, columns, IndicatorColumns.SEX, "Persons");
        set(v, columns, IndicatorColumns.AGE, "17+");
        set(v, columns, IndicatorColumns.COUNT, Long.toString(count));
        set(v, columns, IndicatorColumns.DENOMINATOR, Long.toString(n));
        set(v, columns, IndicatorColumns.VALUE, round(100.0 * count / n));
        double[] ci95 = wilson(count, n, 1.959963985);
        double[] ci998 = wilson(count, n, 3.090232306);
        set(v, columns, IndicatorColumns.LOWER_CI95, round(100 * ci95[0]));
        set(v, columns, IndicatorColumns.UPPER_CI95, round(100 * ci95[1]));
        set(v, columns, IndicatorColumns.LOWER_CI998, round(100 * ci998[0]));
        set(v, columns, IndicatorColumns.UPPER_CI998, round(100 * ci998[1]));
        set(v, columns, IndicatorColumns.COMPARED_TO_ENGLAND, "Not compared");
        set(v, columns, IndicatorColumns.COMPARED_TO_PARENT, "Not compared");
        return line(java.util.Arrays.asList(v));
    }

    private static void set(String[] v, List<String> columns, String column, String value) {
        v[columns.indexOf(column)] = value;
    }

    static double[] wilson(double count, double n, double z) {
        double p = count / n;
        double centre = 2 * count + z * z;
        double half = z * Math.sqrt(z * z + 4 * count * (1 - p));
        double denom = 2 * (n + z * z);
        return new double[] {(centre - half) / denom, (centre + half) / denom};
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String s = values.get(i);
            if (s == null) {
                continue;
            }
            out.append(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return out.append('\n').toString();
    }
}
