package org.openphm.analyses.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.model.results.PackMetadata;

/**
 * The steps of one build (an indicator family's count of a year, an analysis), each taken from the build cache
 * when its inputs are unchanged, else computed and kept there as soon as it is done: what makes a build
 * incremental, and an interrupted one resume. Without a cache every step is computed.
 */
final class Steps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CELLS = "cells.bin";
    private static final String ANALYSIS = "analysis.json";
    private static final String PUBLISHED = "published";
    private static final String ANALYST = "analyst";

    private final Optional<BuildCache> cache;
    private final InputRecordingEngine recording;
    private final Progress progress;
    /** What every step is computed with besides its tables: the engine and the ICB profile. */
    private final String shared;
    /** What every analysis is computed with besides its own reads: the years, the rule, the saved risk model. */
    private final String analysisSettings;

    private final Set<String> readByAll = new TreeSet<>();
    private final List<String> reused = new ArrayList<>();
    private final List<String> computed = new ArrayList<>();

    /**
     * An analysis's results as the build publishes them: its metadata (caveats apart, which are measured on each
     * build) and its files, published and (when asked) analyst.
     */
    record AnalysisOutputs(
            PackMetadata.AnalysisInfo metadata, boolean ethnicBreakdown, List<Path> published, List<Path> analyst) {}

    /** An analysis's outputs as its cache entry lists them, relative to the results folders. */
    record KeptOutputs(
            PackMetadata.AnalysisInfo metadata,
            boolean ethnicBreakdown,
            List<String> published,
            List<String> analyst,
            boolean hasAnalyst) {}

    @FunctionalInterface
    interface Computation<T> {
        T compute() throws IOException;
    }

    private Steps(
            Optional<BuildCache> cache,
            InputRecordingEngine recording,
            Progress progress,
            String shared,
            String analysisSettings) {
        this.cache = cache;
        this.recording = recording;
        this.progress = progress;
        this.shared = shared;
        this.analysisSettings = analysisSettings;
    }

    /** @param years the years the build covers, as asked or as found in the workspace */
    static Steps open(
            Build.Options options,
            List<FinancialYear> years,
            Engine workspace,
            InputRecordingEngine recording,
            Progress progress)
            throws IOException {
        if (options.cache() == null) {
            return new Steps(Optional.empty(), recording, progress, "", "");
        }
        Optional<BuildCache> cache = BuildCache.open(options.cache(), options.reuseCache(), workspace);
        if (cache.isEmpty()) {
            progress.message("Every step is computed: the workspace does not record what its tables hold (it "
                    + "was not written by this version's phm ingest); ingest again to make later builds incremental");
            return new Steps(Optional.empty(), recording, progress, "", "");
        }
        String shared = "engine=" + workspace.name() + "\nicb-profile=" + icbProfileDigest() + "\n";
        String analysisSettings = shared
                + "years=" + years + "\nrule=" + options.rule() + "\nrisk-model="
                + riskModelDigest(options.savedRiskModel(), cache.get().dir()) + "\n";
        if (!options.reuseCache()) {
            progress.message("Computing every step (--rebuild); the build cache " + options.cache() + " is refreshed");
        }
        return new Steps(cache, recording, progress, shared, analysisSettings);
    }

    /** Tables read for every analysis before any step (the geography): an input of each. */
    void readByAll(Set<String> tables) {
        readByAll.addAll(tables);
    }

    /** A family's counted cells for the build's years. */
    Map<CellKey, AgeBandCounts> cells(
            String step, List<FinancialYear> years, java.util.function.Supplier<Map<CellKey, AgeBandCounts>> count)
            throws IOException {
        String settings = shared + "years=" + years + "\n";
        Optional<Map<CellKey, AgeBandCounts>> kept = cache.flatMap(c -> c.reusable(step, settings))
                .flatMap(dir -> readOrNothing(() -> CellsFile.read(dir.resolve(CELLS))));
        if (kept.isPresent()) {
            reused.add(step);
            return kept.get();
        }
        recording.takeTablesRead();
        Map<CellKey, AgeBandCounts> cells = count.get();
        keep(step, settings, Set.of(), dir -> CellsFile.write(dir.resolve(CELLS), cells));
        return cells;
    }

    /**
     * An analysis's outputs: its files copied from the cache into the results folders, or computed and written
     * there by {@code compute}.
     *
     * @param cohortFile the saved cohort file it publishes, if it is one: an input of it
     * @param analyst    the analyst results folder, null when the build writes none
     */
    AnalysisOutputs analysis(
            String step, Path cohortFile, Path results, Path analyst, Computation<AnalysisOutputs> compute)
            throws IOException {
        String settings = analysisSettings + "cohort=" + (cohortFile == null ? "" : fileDigest(cohortFile)) + "\n";
        Optional<AnalysisOutputs> kept = cache.flatMap(c -> c.reusable(step, settings))
                .flatMap(dir -> readOrNothing(() -> restore(dir, results, analyst)))
                .flatMap(restored -> restored);
        if (kept.isPresent()) {
            reused.add(step);
            return kept.get();
        }
        recording.takeTablesRead();
        AnalysisOutputs outputs = compute.compute();
        keep(step, settings, readByAll, dir -> {
            List<String> published = copy(results, outputs.published(), dir.resolve(PUBLISHED));
            List<String> unsuppressed =
                    analyst == null ? List.of() : copy(analyst, outputs.analyst(), dir.resolve(ANALYST));
            JSON.writeValue(
                    dir.resolve(ANALYSIS).toFile(),
                    new KeptOutputs(
                            outputs.metadata(), outputs.ethnicBreakdown(), published, unsuppressed, analyst != null));
        });
        return outputs;
    }

    /** The kept outputs copied into place; nothing when the entry lacks the analyst files this build writes. */
    private static Optional<AnalysisOutputs> restore(Path dir, Path results, Path analyst) throws IOException {
        KeptOutputs kept = JSON.readValue(dir.resolve(ANALYSIS).toFile(), KeptOutputs.class);
        if (analyst != null && !kept.hasAnalyst()) {
            return Optional.empty();
        }
        List<Path> published = restore(dir.resolve(PUBLISHED), kept.published(), results);
        List<Path> unsuppressed = analyst == null ? List.of() : restore(dir.resolve(ANALYST), kept.analyst(), analyst);
        return Optional.of(new AnalysisOutputs(kept.metadata(), kept.ethnicBreakdown(), published, unsuppressed));
    }

    private static List<Path> restore(Path from, List<String> files, Path to) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String f : files) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
            out.add(target);
        }
        return out;
    }

    /** Copies files of a results folder into an entry, and names them relative to it, in order. */
    private static List<String> copy(Path root, List<Path> files, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            String name = root.relativize(f).toString().replace('\\', '/');
            Path target = into.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
            names.add(name);
        }
        return names;
    }

    /** Records a computed step and keeps it, with the tables it read, in the cache. */
    private void keep(String step, String settings, Set<String> alsoRead, BuildCache.Payload payload)
            throws IOException {
        computed.add(step);
        Set<String> read = new TreeSet<>(recording.takeTablesRead());
        read.addAll(alsoRead);
        if (cache.isPresent()) {
            try {
                cache.get().store(step, settings, read, payload);
            } catch (IOException e) {
                // the step's results are in place: a cache that cannot be written only makes the next build slower
                progress.message("warning: " + step + " not kept in the build cache (" + e.getMessage() + ")");
            }
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws IOException;
    }

    /** A damaged entry is computed again (and replaced), not a reason to stop the build. */
    private static <T> Optional<T> readOrNothing(Read<T> read) {
        try {
            return Optional.of(read.read());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    List<String> reused() {
        return List.copyOf(reused);
    }

    List<String> computed() {
        return List.copyOf(computed);
    }

    /** The build's account of its cache, e.g. "42 of 64 steps reused from the cache (.build-cache); 22 computed". */
    void report() {
        cache.ifPresent(c -> progress.message(reused.size() + " of " + (reused.size() + computed.size())
                + " steps reused from the cache (" + c.dir().getFileName() + "); " + computed.size() + " computed"));
    }

    private static String icbProfileDigest() throws IOException {
        Optional<Path> file = IcbProfile.configuredFile();
        // a built-in profile is part of the code, and so of its digest
        return file.isEmpty() ? "built-in:" + IcbProfile.configured().orElse("default") : fileDigest(file.get());
    }

    private static String riskModelDigest(Optional<RiskModelFile.Saved> model, Path scratch) throws IOException {
        if (model.isEmpty()) {
            return "none";
        }
        Path file = Files.createTempFile(scratch, "risk-model", ".json");
        try {
            RiskModelFile.write(file, model.get());
            return fileDigest(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String fileDigest(Path file) throws IOException {
        return BuildCache.digest(Files.readAllBytes(file));
    }
}
