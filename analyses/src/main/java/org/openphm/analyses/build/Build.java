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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.DisclosureStep;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.output.AnalysisFiles;
import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.analyses.pack.Catalogue;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.engine.TimedEngine;
import org.openphm.model.BackgroundWork;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.model.results.PackMetadata;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * {@code phm build}: every indicator and analysis of the catalogue, computed on an engine, written to
 * {@code out/results} (published: disclosure-controlled) and, when asked, {@code out/analyst/results}
 * (unsuppressed, for analysts only).
 */
public final class Build {
    private Build() {}

    /**
     * @param savedRiskModel the model of {@code phm risk train} when there is one: PHM 13.1 scores with it
     * @param cohorts    saved cohort files, each published as an analysis (PHM 13.3)
     * @param cache      the folder of the build cache (results of earlier builds' steps, reused when their inputs
     *                   are unchanged), null to compute every step and keep nothing
     * @param reuseCache false to compute every step and refresh the cache ({@code phm build --rebuild})
     */
    public record Options(
            Path out,
            List<FinancialYear> years,
            boolean analystOutputs,
            DisclosureRule rule,
            String population,
            java.util.Optional<RiskModelFile.Saved> savedRiskModel,
            List<Path> cohorts,
            Path cache,
            boolean reuseCache) {
        public Options {
            cohorts = List.copyOf(cohorts);
        }

        public Options(
                Path out,
                List<FinancialYear> years,
                boolean analystOutputs,
                DisclosureRule rule,
                String population,
                java.util.Optional<RiskModelFile.Saved> savedRiskModel,
                List<Path> cohorts) {
            this(out, years, analystOutputs, rule, population, savedRiskModel, cohorts, null, true);
        }

        public Options(
                Path out,
                List<FinancialYear> years,
                boolean analystOutputs,
                DisclosureRule rule,
                String population,
                java.util.Optional<RiskModelFile.Saved> savedRiskModel) {
            this(out, years, analystOutputs, rule, population, savedRiskModel, List.of());
        }

        public Options(
                Path out, List<FinancialYear> years, boolean analystOutputs, DisclosureRule rule, String population) {
            this(out, years, analystOutputs, rule, population, java.util.Optional.empty());
        }

        /** The same build with a cache in {@code dir}, its entries reused or (when not) only refreshed. */
        public Options withCache(Path dir, boolean reuse) {
            return new Options(out, years, analystOutputs, rule, population, savedRiskModel, cohorts, dir, reuse);
        }
    }

    /**
     * What the build did: files written, rows per indicator family, time per step and, of that, the time its
     * engine queries took (the rest is Java: statistics, disclosure control, files), and which steps (indicator
     * families by year, analyses) were taken from the cache and which computed.
     */
    public record Summary(
            Path resultsDir,
            Path analystDir,
            List<FinancialYear> years,
            int indicators,
            long indicatorRows,
            int analyses,
            List<Path> files,
            Map<String, Duration> timings,
            Map<String, Duration> engineTimings,
            List<String> reusedSteps,
            List<String> computedSteps) {}

    public static Summary run(Engine workspace, Options options, Progress progress) throws IOException {
        Map<String, Duration> timings = new LinkedHashMap<>();
        Map<String, Duration> engineTimings = new LinkedHashMap<>();
        // saved cohorts are read and checked first, so a mistake in one stops the build before any work
        List<Analysis> cohorts = new ArrayList<>();
        for (Path file : options.cohorts()) {
            cohorts.add(new org.openphm.analyses.phm.CohortAnalysis(
                    org.openphm.analyses.phm.CohortDefinition.read(file), file));
        }
        InputRecordingEngine recording = new InputRecordingEngine(workspace);
        TimedEngine engine = new TimedEngine(recording);
        long t0 = System.nanoTime();
        Path results = options.out().resolve("results");
        Files.createDirectories(results);
        Geography geography = Geography.load(engine);
        EnglandComparator england = EnglandComparator.load(engine);
        List<FinancialYear> years = options.years() != null ? options.years() : Periods.of(engine);
        Steps steps = Steps.open(options, years, workspace, recording, progress);
        // every analysis is given the geography: what it was loaded from is an input of each
        steps.readByAll(recording.takeTablesRead());
        progress.message(
                "Building for " + years.get(0) + " to " + years.get(years.size() - 1) + " on " + engine.name());

        IndicatorCalculator calculator = new IndicatorCalculator(geography, england);
        DisclosureStep disclosure = new DisclosureStep(geography, options.rule());
        List<IndicatorSpec> specs = new ArrayList<>();
        // The engine counts one family while a second thread does the statistics of the one before, and then
        // disclosure control and the indicator files while the analyses run: the two halves of the machine
        // work at once. Results are gathered in catalogue order, so the outputs do not depend on the overlap.
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "build-statistics");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<FamilyRows>> statistics = new LinkedHashMap<>();
            Map<String, Long> countingNanos = new HashMap<>();
            for (IndicatorSource source : Catalogue.indicatorSources()) {
                String family = source.getClass().getSimpleName();
                long s0 = System.nanoTime();
                long e0 = engine.engineNanos();
                progress.message("Counting " + family + " for " + years.size() + " years");
                // one step per family: a family counts all its years in as few queries as it can
                Map<CellKey, AgeBandCounts> cells = steps.cells(family, years, () -> source.count(engine, years));
                countingNanos.put(family, System.nanoTime() - s0);
                engineTimings.put(family, Duration.ofNanos(engine.engineNanos() - e0));
                List<IndicatorSpec> familySpecs = source.indicators();
                specs.addAll(familySpecs);
                statistics.put(family, background.submit(() -> {
                    // Statistics and disclosure control in one pass: the published rows are computed again from
                    // the rounded counts, so the two cannot be timed apart.
                    long c0 = System.nanoTime();
                    DisclosureStep.Rows familyRows = disclosure.publish(familySpecs, calculator, cells);
                    return new FamilyRows(familyRows.exact(), familyRows.published(), System.nanoTime() - c0);
                }));
            }
            List<IndicatorRow> rows = new ArrayList<>();
            List<IndicatorRow> published = new ArrayList<>();
            for (Map.Entry<String, Future<FamilyRows>> e : statistics.entrySet()) {
                FamilyRows f = BackgroundWork.result(e.getValue(), "building");
                rows.addAll(f.rows());
                published.addAll(f.published());
                // a family's time is its counting plus its statistics, though the latter overlapped the next family
                timings.put(e.getKey(), Duration.ofNanos(countingNanos.get(e.getKey()) + f.nanos()));
            }
            List<IndicatorRow> englandRows = calculator.englandRows(rows);
            Map<String, org.openphm.stats.Polarity> polarities = new HashMap<>();
            for (IndicatorSpec spec : specs) {
                polarities.put(spec.metadata().id(), spec.metadata().polarity());
            }
            Future<IndicatorOutputs> indicatorOutputs = background.submit(
                    () -> indicatorOutputs(options, rows, published, englandRows, geography, results, polarities));
            return analysesAndMetadata(
                    engine,
                    options,
                    progress,
                    geography,
                    years,
                    results,
                    specs,
                    timings,
                    engineTimings,
                    t0,
                    indicatorOutputs,
                    cohorts,
                    steps);
        } finally {
            background.shutdownNow();
        }
    }

    /** A family's indicator rows, exact and as published, and the time their statistics and disclosure took. */
    private record FamilyRows(List<IndicatorRow> rows, List<IndicatorRow> published, long nanos) {}

    /** The indicator files, published and (when asked) analyst. */
    private record IndicatorOutputs(Path analystDir, List<Path> files, int publishedRows) {}

    private static IndicatorOutputs indicatorOutputs(
            Options options,
            List<IndicatorRow> rows,
            List<IndicatorRow> disclosed,
            List<IndicatorRow> englandRows,
            Geography geography,
            Path results,
            Map<String, org.openphm.stats.Polarity> polarities)
            throws IOException {
        List<Path> files = new ArrayList<>();
        Path analyst = null;
        if (options.analystOutputs()) {
            analyst = options.out().resolve("analyst").resolve("results");
            Files.createDirectories(analyst);
            List<IndicatorRow> all = new ArrayList<>(englandRows);
            all.addAll(rows);
            files.addAll(IndicatorFiles.write(analyst, all, geography.names(), polarities));
        }
        // England's rows are published reference figures: they join after disclosure control of ours.
        List<IndicatorRow> published = new ArrayList<>(englandRows);
        published.addAll(disclosed);
        files.addAll(IndicatorFiles.write(results, published, geography.names(), polarities));
        return new IndicatorOutputs(analyst, files, published.size());
    }

    private static Summary analysesAndMetadata(
            TimedEngine engine,
            Options options,
            Progress progress,
            Geography geography,
            List<FinancialYear> years,
            Path results,
            List<IndicatorSpec> specs,
            Map<String, Duration> timings,
            Map<String, Duration> engineTimings,
            long t0,
            Future<IndicatorOutputs> indicatorOutputs,
            List<Analysis> cohorts,
            Steps steps)
            throws IOException {
        List<Path> analysisFiles = new ArrayList<>();
        Path analyst =
                options.analystOutputs() ? options.out().resolve("analyst").resolve("results") : null;
        if (analyst != null) {
            Files.createDirectories(analyst);
        }
        List<PackMetadata.AnalysisInfo> analysesMeta = new ArrayList<>();
        List<Analysis> analyses = new ArrayList<>(Catalogue.analyses());
        analyses.addAll(cohorts);
        Map<String, Path> cohortFiles = new HashMap<>();
        for (int i = 0; i < cohorts.size(); i++) {
            cohortFiles.put(cohorts.get(i).info().id(), options.cohorts().get(i));
        }
        InputCaveats dataQuality = InputCaveats.measure(engine);
        AnalysisContext context = new AnalysisContext(
                engine,
                geography,
                years,
                progress,
                AnalysisContext.supplying(options.savedRiskModel()),
                options.rule());
        int done = 0;
        for (Analysis analysis : analyses) {
            long a0 = System.nanoTime();
            long e0 = engine.engineNanos();
            Steps.AnalysisOutputs outputs = steps.analysis(
                    analysis.info().id(), cohortFiles.get(analysis.info().id()), results, analyst, () -> {
                        List<AnalysisTable> tables = analysis.compute(context);
                        List<AnalysisTable> publishedTables = tables.stream()
                                .map(t -> TableDisclosure.apply(t, options.rule()))
                                .toList();
                        List<Path> published = AnalysisFiles.write(results, analysis.info(), publishedTables);
                        List<Path> unsuppressed =
                                analyst == null ? List.of() : AnalysisFiles.write(analyst, analysis.info(), tables);
                        return new Steps.AnalysisOutputs(
                                analysisMetadata(analysis, publishedTables, List.of()),
                                ethnicBreakdown(publishedTables),
                                published,
                                unsuppressed);
                    });
            analysisFiles.addAll(outputs.published());
            analysisFiles.addAll(outputs.analyst());
            analysesMeta.add(withMeasuredCaveats(analysis, outputs, dataQuality));
            timings.put(analysis.info().id(), Duration.ofNanos(System.nanoTime() - a0));
            engineTimings.put(analysis.info().id(), Duration.ofNanos(engine.engineNanos() - e0));
            progress.update("Analyses", ++done, analyses.size());
        }
        IndicatorOutputs indicators = BackgroundWork.result(indicatorOutputs, "building");
        List<Path> files = new ArrayList<>(indicators.files());
        files.addAll(analysisFiles);
        timings.put("Total", Duration.ofNanos(System.nanoTime() - t0));
        files.add(MetadataFile.write(
                results,
                options.population(),
                specs,
                analysesMeta,
                dataQuality::forIndicator,
                options.rule(),
                timings,
                steps.reused()));
        engineTimings.put("Total", Duration.ofNanos(engine.engineNanos()));
        steps.report();
        return new Summary(
                results,
                indicators.analystDir(),
                years,
                specs.size(),
                indicators.publishedRows(),
                analysesMeta.size(),
                files,
                timings,
                engineTimings,
                steps.reused(),
                steps.computed());
    }

    /** A column as metadata.json declares it; its disclosure class is what the output check reads. */
    private static PackMetadata.ColumnInfo columnMetadata(AnalysisTable.Column c) {
        AnalysisTable.Derivation d = c.derivation();
        return new PackMetadata.ColumnInfo(
                c.name(),
                c.type().code(),
                c.description(),
                c.disclosure().code(),
                d == null ? null : new PackMetadata.Derivation(d.kind(), d.inputs(), d.scale(), d.within()),
                c.unit(),
                c.precision().places());
    }

    /**
     * One analysis published on its own (phm cohort run): its tables, already through disclosure control, and a
     * metadata.json declaring their columns, in {@code dir} — the layout the independent output check reads.
     */
    public static List<Path> publishAlone(
            Path dir, Analysis analysis, List<AnalysisTable> published, String population, DisclosureRule rule)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>(AnalysisFiles.write(dir, analysis.info(), published));
        files.add(MetadataFile.write(
                dir,
                population,
                List.of(),
                List.of(analysisMetadata(analysis, published, analysis.info().caveats())),
                m -> List.of(),
                rule,
                Map.of(),
                List.of()));
        return files;
    }

    /** True when a table breaks down by ethnic group: the patient table's ethnicity caveat applies to it. */
    private static boolean ethnicBreakdown(List<AnalysisTable> tables) {
        return tables.stream().anyMatch(t -> t.columnNames().stream().anyMatch(c -> c.startsWith("ethnic")));
    }

    /**
     * An analysis's metadata with the data-quality caveats measured on this build's workspace: measured afresh
     * even when its tables come from the cache, since they describe tables it need not have read.
     */
    private static PackMetadata.AnalysisInfo withMeasuredCaveats(
            Analysis analysis, Steps.AnalysisOutputs outputs, InputCaveats dataQuality) {
        var info = analysis.info();
        PackMetadata.AnalysisInfo m = outputs.metadata();
        return new PackMetadata.AnalysisInfo(
                m.id(),
                m.section(),
                m.title(),
                m.definition(),
                m.method(),
                m.source(),
                InputCaveats.combined(info.caveats(), dataQuality.forSource(info.source(), outputs.ethnicBreakdown())),
                m.tables(),
                m.charts());
    }

    private static PackMetadata.AnalysisInfo analysisMetadata(
            Analysis analysis, List<AnalysisTable> tables, List<String> caveats) {
        var info = analysis.info();
        ChartCheck.require(ChartCheck.faults(info, tables));
        List<PackMetadata.TableInfo> tableMeta = new ArrayList<>();
        for (AnalysisTable t : tables) {
            tableMeta.add(new PackMetadata.TableInfo(
                    t.name(),
                    info.file(t.name()),
                    t.columns().stream().map(Build::columnMetadata).toList()));
        }
        return new PackMetadata.AnalysisInfo(
                info.id(),
                info.section(),
                info.title(),
                info.definition(),
                info.method(),
                info.source(),
                caveats,
                tableMeta,
                info.publishedCharts(tables.stream().map(AnalysisTable::name).toList()));
    }
}
