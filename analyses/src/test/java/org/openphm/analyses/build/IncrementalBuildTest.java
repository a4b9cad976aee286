package org.openphm.analyses.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.Progress;
import org.openphm.model.results.PackMetadata;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * Incremental and resumable builds (issue 19 item 6) on a small synthetic ICB: a rebuild computes only the steps
 * whose inputs changed, an interrupted build resumes, and either way the published files are those of a build
 * from scratch.
 */
class IncrementalBuildTest {
    private static final long PATIENTS = 3_000;

    @TempDir
    static Path dir;

    private static Path data;
    private static Path workspace;
    /** A build from scratch of {@link #workspace}, with its cache. */
    private static Build.Summary fresh;

    private static Path freshCache;

    @BeforeAll
    static void buildFromScratch() throws Exception {
        data = dir.resolve("data");
        SyntheticIcb.generate(
                data, new SynthOptions(PATIENTS, 20250331, true), QofRegisters.ageLabels(), Progress.SILENT);
        workspace = dir.resolve("ws.duckdb");
        Ingest.run(IngestOptions.of(data, workspace, null), Progress.SILENT);
        freshCache = dir.resolve("fresh-cache");
        long t0 = System.nanoTime();
        fresh = build(workspace, dir.resolve("fresh"), freshCache);
        System.out.printf(
                "build from scratch: %.1fs, %d steps%n",
                (System.nanoTime() - t0) / 1e9, fresh.computedSteps().size());
        assertEquals(List.of(), fresh.reusedSteps());
        assertEquals(fresh.computedSteps().size(), BuildCache.steps(freshCache).size(), "every step is kept");
    }

    @Test
    void aRebuildWithNothingChangedComputesNothing() throws Exception {
        long t0 = System.nanoTime();
        Build.Summary again = build(workspace, dir.resolve("again"), freshCache);
        System.out.printf(
                "rebuild with nothing changed: %.1fs, %d of %d steps reused%n",
                (System.nanoTime() - t0) / 1e9,
                again.reusedSteps().size(),
                again.reusedSteps().size() + again.computedSteps().size());
        assertEquals(List.of(), again.computedSteps());
        assertEquals(fresh.computedSteps(), again.reusedSteps());
        assertSameResults(dir.resolve("fresh"), dir.resolve("again"));
        PackMetadata metadata = new ObjectMapper()
                .readValue(dir.resolve("again/results/metadata.json").toFile(), PackMetadata.class);
        assertEquals(again.reusedSteps(), metadata.reusedFromCache());
        assertTrue(
                metadata.runSeconds().keySet().containsAll(fresh.timings().keySet()),
                "every step's time is still recorded");
    }

    @Test
    void changingOneFeedRecomputesOnlyTheStepsThatReadIt() throws Exception {
        Path ws = dir.resolve("changing.duckdb");
        Ingest.run(IngestOptions.of(data, ws, null), Progress.SILENT);
        Path cache = dir.resolve("changing-cache");
        Build.Summary before = build(ws, dir.resolve("changing-before"), cache);
        Map<String, Set<String>> inputs = BuildCache.inputsByStep(cache);
        Set<String> readDetention = new TreeSet<>();
        inputs.forEach((step, tables) -> {
            if (tables.contains("detention")) {
                readDetention.add(step);
            }
        });
        assertFalse(readDetention.isEmpty(), "some steps read detention");
        assertTrue(readDetention.size() < before.computedSteps().size(), "not every step reads detention");

        // the detention feed loses its last record; every other file is as it was
        Path changed = dir.resolve("changed-data");
        copyTree(data, changed);
        Path detention = detentionFile(changed);
        List<String> lines = Files.readAllLines(detention);
        Files.write(detention, lines.subList(0, lines.size() - 1));
        Ingest.run(IngestOptions.of(changed, ws, null), Progress.SILENT);

        Build.Summary after = build(ws, dir.resolve("changing-after"), cache);
        System.out.printf(
                "detention changed: %d of %d steps computed %s%n",
                after.computedSteps().size(),
                after.computedSteps().size() + after.reusedSteps().size(),
                after.computedSteps());
        assertEquals(readDetention, new TreeSet<>(after.computedSteps()));
        assertEquals(
                before.computedSteps().size() - readDetention.size(),
                after.reusedSteps().size());
        // what the incremental build publishes is what a build from scratch of the changed workspace does
        build(ws, dir.resolve("changing-scratch"), null);
        assertSameResults(dir.resolve("changing-scratch"), dir.resolve("changing-after"));
    }

    @Test
    void aKilledBuildResumesWhereItStopped() throws Exception {
        Path cache = dir.resolve("resume-cache");
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ChildBuild.class.getName(),
                        workspace.toString(),
                        dir.resolve("killed").toString(),
                        cache.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        List<String> kept;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            do {
                Thread.sleep(50);
                kept = BuildCache.steps(cache);
            } while (kept.size() < 3 && child.isAlive() && System.nanoTime() < deadline);
            assertTrue(
                    child.isAlive(),
                    "the build is still running when it is killed: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the build
            child.waitFor();
        }
        kept = BuildCache.steps(cache);
        assertTrue(kept.size() >= 3 && kept.size() < fresh.computedSteps().size(), kept.toString());

        Build.Summary resumed = build(workspace, dir.resolve("resumed"), cache);
        System.out.printf(
                "killed with %d steps kept; resumed: %d reused, %d computed%n",
                kept.size(),
                resumed.reusedSteps().size(),
                resumed.computedSteps().size());
        assertEquals(new TreeSet<>(kept), new TreeSet<>(resumed.reusedSteps()));
        Set<String> rest = new HashSet<>(fresh.computedSteps());
        rest.removeAll(kept);
        assertEquals(rest, new HashSet<>(resumed.computedSteps()));
        assertSameResults(dir.resolve("fresh"), dir.resolve("resumed"));
    }

    /** The build the resume test kills: a separate JVM, so that SIGKILL ends it mid-step. */
    public static final class ChildBuild {
        public static void main(String[] args) throws Exception {
            build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        }
    }

    private static Build.Summary build(Path ws, Path out, Path cache) throws IOException {
        Build.Options options = new Build.Options(out, null, true, DisclosureRule.nhsDefault(), "incremental");
        try (Engine engine = DuckDbEngine.open(ws)) {
            return Build.run(engine, cache == null ? options : options.withCache(cache, true), Progress.SILENT);
        }
    }

    private static Path detentionFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("detention"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the synthetic ICB has no detention file"));
        }
    }

    /**
     * The same files with the same bytes, published and analyst, except what differs between any two builds in
     * metadata.json: when it was generated, how long each step took and which came from the cache.
     */
    private static void assertSameResults(Path expected, Path actual) throws IOException {
        Map<String, Path> want = files(expected);
        Map<String, Path> got = files(actual);
        assertEquals(want.keySet(), got.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : want.keySet()) {
            boolean same = name.endsWith("metadata.json")
                    ? stable(want.get(name)).equals(stable(got.get(name)))
                    : java.util.Arrays.equals(Files.readAllBytes(want.get(name)), Files.readAllBytes(got.get(name)));
            if (!same) {
                differing.add(name);
            }
        }
        assertEquals(List.of(), differing, "files that differ from a build from scratch");
    }

    private static JsonNode stable(Path metadata) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(metadata.toFile());
        root.remove(List.of("generated_at", "run_seconds", "reused_from_cache"));
        return root;
    }

    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .forEach(f -> out.put(root.relativize(f).toString(), f));
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
