package org.openphm.analyses.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.catalogue.Catalogue;
import org.openphm.analyses.catalogue.ChartDescription;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.DisclosureStep;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.FinancialYear;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.output.AnalysisFiles;
import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.engine.Engine;
import org.openphm.engine.TimedEngine;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * {@code phm build}: every indicator and analysis of the catalogue, computed on an engine, written to
 * {@code out/results} (published: disclosure-controlled) and, when asked, {@code out/analyst/results}
 * (unsuppressed, for analysts only).
 */
public final class Build {
    private Build() {}

    public record Options(Path out, List<FinancialYear> years, boolean analystOutputs, DisclosureRule rule,
                          String population) {}

    /**
     * What the build did: files written, rows per indicator family, time per step and, of that, the time its
     * engine queries took (the rest is Java: statistics, disclosure control, files).
     */
    public record Summary(Path resultsDir, Path analystDir, List<FinancialYear> years, int indicators,
                          long indicatorRows, int analyses, List<Path> files, Map<String, Duration> timings,
                          Map<String, Duration> engineTimings) {}

    public static Summary run(Engine workspace, Options options, Progress progress) throws IOException {
        Map<String, Duration> timings = new LinkedHashMap<>();
        Map<String, Duration> engineTimings = new LinkedHashMap<>();
        TimedEngine engine = new TimedEngine(workspace);
        long t0 = System.nanoTime();
        Path results = options.out().resolve("results");
        Files.createDirectories(results);
        Geography geography = Geography.load(engine);
        EnglandComparator england = EnglandComparator.load(engine);
        List<FinancialYear> years = options.years() != null ? options.years() : Periods.of(engine);
        progress.message("Building for " + years.get(0) + " to " + years.get(years.size() - 1) + " on " + engine.name());

        IndicatorCalculator calculator = new IndicatorCalculator(geography, england);
        List<IndicatorRow> rows = new ArrayList<>();
        List<IndicatorSpec> specs = new ArrayList<>();
        for (IndicatorSource source : Catalogue.indicatorSources()) {
            long s0 = System.nanoTime();
            long e0 = engine.engineNanos();
            Map<CellKey, AgeBandCounts> cells = new HashMap<>();
            int done = 0;
            for (FinancialYear year : years) {
                cells.putAll(source.count(engine, year));
                progress.update("Counting " + source.getClass().getSimpleName(), ++done, years.size());
            }
            for (IndicatorSpec spec : source.indicators()) {
                rows.addAll(calculator.rows(spec, cells));
                specs.add(spec);
            }
            timings.put(source.getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - s0));
            engineTimings.put(source.getClass().getSimpleName(), Duration.ofNanos(engine.engineNanos() - e0));
        }

        List<Path> files = new ArrayList<>();
        Path analyst = null;
        if (options.analystOutputs()) {
            analyst = options.out().resolve("analyst").resolve("results");
            Files.createDirectories(analyst);
            files.addAll(IndicatorFiles.write(analyst, rows, geography.names()));
        }
        long d0 = System.nanoTime();
        List<IndicatorRow> published = new DisclosureStep(geography, options.rule()).apply(rows);
        timings.put("Disclosure control", Duration.ofNanos(System.nanoTime() - d0));
        files.addAll(IndicatorFiles.write(results, published, geography.names()));

        List<Map<String, Object>> analysesMeta = new ArrayList<>();
        AnalysisContext context = new AnalysisContext(engine, geography, years, progress);
        int done = 0;
        for (Analysis analysis : Catalogue.analyses()) {
            long a0 = System.nanoTime();
            long e0 = engine.engineNanos();
            List<AnalysisTable> tables = analysis.compute(context);
            List<AnalysisTable> publishedTables = tables.stream()
                    .map(t -> TableDisclosure.apply(t, options.rule())).toList();
            files.addAll(AnalysisFiles.write(results, analysis.info(), publishedTables));
            if (analyst != null) {
                files.addAll(AnalysisFiles.write(analyst, analysis.info(), tables));
            }
            analysesMeta.add(analysisMetadata(analysis, publishedTables));
            timings.put(analysis.info().id(), Duration.ofNanos(System.nanoTime() - a0));
            engineTimings.put(analysis.info().id(), Duration.ofNanos(engine.engineNanos() - e0));
            progress.update("Analyses", ++done, Catalogue.analyses().size());
        }
        files.add(MetadataFile.write(results, options.population(), specs, analysesMeta));
        timings.put("Total", Duration.ofNanos(System.nanoTime() - t0));
        engineTimings.put("Total", Duration.ofNanos(engine.engineNanos()));
        return new Summary(results, analyst, years, specs.size(), published.size(), analysesMeta.size(), files, timings,
                engineTimings);
    }

    private static Map<String, Object> analysisMetadata(Analysis analysis, List<AnalysisTable> tables) {
        var info = analysis.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", info.id());
        m.put("section", info.section());
        m.put("title", info.title());
        m.put("definition", info.definition());
        m.put("method", info.method());
        m.put("source", info.source());
        m.put("caveats", info.caveats());
        List<Map<String, Object>> tableMeta = new ArrayList<>();
        for (AnalysisTable t : tables) {
            tableMeta.add(Map.of("name", t.name(), "file", info.file(t.name()), "columns", t.columns().stream()
                    .map(c -> Map.of("name", c.name(), "type", c.type(), "description", c.description())).toList()));
        }
        m.put("tables", tableMeta);
        m.put("charts", info.charts().stream().map((ChartDescription c) -> c.json(info)).toList());
        return m;
    }
}
