package org.openphm.publish.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.IndicatorColumns;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.fixture.CataloguePack;
import org.openphm.publish.pack.PackContents;
import org.openphm.publish.pack.PackItem;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.results.Wholes;

/**
 * Every key point under every chart of every indicator and analysis of a real build (a small synthetic BLMK:
 * generate, ingest, build) read as a tester reads the pack: no item is both highest and lowest, no value is
 * both, no total or parent area is ranked among its parts, nothing is "highest" of one (a single item is both
 * highest and lowest), and "X% of people with A also have B" only under a comorbidity matrix.
 */
class KeyPointCatalogueTest {
    /** "highest: A (v); lowest: B (w)" in bars and trends. */
    private static final Pattern EXTREMES =
            Pattern.compile("highest: (.+) \\(([^()]*)\\); lowest: (.+) \\(([^()]*)\\)\\.");
    /** "Highest spend: A (v)." of a ranked table, and "Largest absolute rise: A (+v by 2043)." of a projection. */
    private static final Pattern NAMED = Pattern.compile("^(?:Highest [^:]+|Largest \\w+ rise): (.+) \\([^()]*\\)\\.$");

    private static final Set<String> BENCHMARKS = Set.of("Threshold", "Regional", "National");

    @Test
    void everyKeyPointComparesPeers() throws Exception {
        ResultsDir results = CataloguePack.results();
        ChartResolver resolver = new ChartResolver(results);
        KeyPointWriter writer = new KeyPointWriter();
        List<String> faults = new ArrayList<>();
        int sentences = 0;
        for (PackItem item : PackContents.of(results).allItems()) {
            for (ChartSpec spec : item.charts()) {
                Chart chart;
                try {
                    chart = resolver.resolve(spec);
                } catch (IllegalArgumentException e) {
                    continue; // printed as a chart problem, with no key points
                }
                Set<String> wholes = wholeNames(chart.source());
                for (String point : writer.write(chart)) {
                    sentences++;
                    String where = item.section() + " " + item.id() + " '" + spec.title() + "': " + point;
                    List<String> why = new ArrayList<>(fault(point, wholes));
                    if (point.startsWith("Largest")
                            && chart instanceof Chart.Lines l
                            && AgeGroups.overlap(l.series().stream()
                                    .filter(x -> x.role() == Chart.SeriesRole.FOCUS)
                                    .map(Chart.Series::name)
                                    .toList())) {
                        why.add("a rise ranked among nested age groups (80+ is part of 65+)");
                    }
                    if (point.contains(" also have ") && !"comorbidity".equals(spec.kind())) {
                        why.add("a comorbidity sentence under a " + spec.kind());
                    }
                    for (String name : why) {
                        faults.add(where + " [" + name + "]");
                    }
                }
            }
        }
        assertTrue(sentences > 500, "only " + sentences + " key points were written");
        assertTrue(
                faults.isEmpty(),
                faults.size() + " key points compare what is not comparable:\n" + String.join("\n", faults));
    }

    /** Why a key point is wrong, if it is. */
    private static List<String> fault(String point, Set<String> wholes) {
        List<String> out = new ArrayList<>();
        List<String> named = new ArrayList<>();
        Matcher m = EXTREMES.matcher(point);
        if (m.find()) {
            List<String> high = names(m.group(1));
            List<String> low = names(m.group(3));
            if (high.stream().anyMatch(low::contains)) {
                out.add("the same item is highest and lowest");
            }
            if (m.group(2).equals(m.group(4))) {
                out.add("highest and lowest are the same value");
            }
            named.addAll(high);
            named.addAll(low);
        }
        Matcher n = NAMED.matcher(point);
        if (n.find()) {
            named.addAll(names(n.group(1)));
        }
        for (String name : named) {
            if (Wholes.isTotal(name) || wholes.contains(name)) {
                out.add("a whole ranked among its parts: " + name);
            }
            // a performance trend's benchmarks are standards, not organisations to rank (issue 16, item 3)
            if (BENCHMARKS.contains(name)) {
                out.add("a benchmark ranked with what it measures: " + name);
            }
        }
        if (named.size() > 1 && AgeGroups.overlap(named)) {
            out.add("nested age groups compared: " + named);
        }
        return out;
    }

    /** "A", "A and B", "A, B and C" back to the names (a name may itself hold a comma, so only " and "). */
    private static List<String> names(String joined) {
        int and = joined.lastIndexOf(" and ");
        return and < 0 ? List.of(joined) : List.of(joined.substring(0, and), joined.substring(and + 5));
    }

    /**
     * Names of the rows that stand for others in a chart's table, found here from the table itself: England,
     * the widest area type beside narrower ones, and an area that is another row's parent.
     */
    private static Set<String> wholeNames(DataTable t) {
        Set<String> out = new HashSet<>();
        if (!t.has(IndicatorColumns.AREA_NAME)) {
            return out;
        }
        Set<String> parents = t.has(IndicatorColumns.PARENT_CODE)
                ? new HashSet<>(t.distinct(IndicatorColumns.PARENT_CODE))
                : Set.of();
        List<String> types = t.has(IndicatorColumns.AREA_TYPE) ? t.distinct(IndicatorColumns.AREA_TYPE) : List.of();
        String widest = IndicatorColumns.AREA_TYPES.stream()
                .filter(x -> !x.equals("England") && types.contains(x))
                .findFirst()
                .orElse(null);
        boolean mixed = types.stream().filter(x -> !x.equals("England")).count() > 1;
        for (List<String> row : t.rows()) {
            String type = t.has(IndicatorColumns.AREA_TYPE) ? t.get(row, IndicatorColumns.AREA_TYPE) : null;
            String code = t.has(IndicatorColumns.AREA_CODE) ? t.get(row, IndicatorColumns.AREA_CODE) : null;
            if ("England".equals(type)
                    || (mixed && type != null && type.equals(widest))
                    || (code != null && parents.contains(code))) {
                out.add(t.get(row, IndicatorColumns.AREA_NAME));
            }
        }
        return out;
    }
}
