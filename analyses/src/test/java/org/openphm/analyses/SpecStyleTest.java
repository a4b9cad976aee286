package org.openphm.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps analyses' specification tests in the one style {@link SpecEngines} describes: no engine-specific spec
 * classes (a {@code *DuckDbTest} or {@code *SparkTest}, or an abstract spec that a subclass hands an engine), no
 * test opening DuckDB or Spark itself except the fidelity tests over synthetic BLMK, and no spec case pinned to one
 * engine.
 */
class SpecStyleTest {

    static final Path TESTS = Path.of("src/test/java/org/openphm/analyses");

    /**
     * Not specifications of a definition but of the incremental build, which works on what phm ingest wrote into a
     * DuckDB workspace (each table's content fingerprint): a Spark build has none and is always built whole.
     */
    static final java.util.Set<String> BUILDS_OF_AN_INGESTED_WORKSPACE =
            java.util.Set.of("BuildCacheTest", "IncrementalBuildTest");

    @Test
    void everyEngineBackedSpecRunsOnBothEnginesThroughSpecEngines() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (name.equals("SpecStyleTest")) {
                    continue; // its own patterns
                }
                String source = Files.readString(file);
                boolean test = source.contains("@Test") || source.contains("@ParameterizedTest");
                if (name.endsWith("DuckDbTest") || name.endsWith("SparkTest")) {
                    problems.add(name
                            + ": an engine-specific spec class; make its cases @ParameterizedTest over SpecEngines");
                }
                if (source.contains("abstract Engine engine()")) {
                    problems.add(name + ": an abstract spec handed its engine by subclasses");
                }
                boolean opensEngine = source.contains("DuckDbEngine.open(")
                        || source.contains("SparkEngine.over")
                        || source.contains("LocalSpark.");
                if (test
                        && opensEngine
                        && !name.endsWith("FidelityTest")
                        && !name.equals("SpecEngines")
                        && !BUILDS_OF_AN_INGESTED_WORKSPACE.contains(name)) {
                    problems.add(name
                            + ": opens an engine itself; open the spec's rows with SpecEngines.open on both engines");
                }
                if (source.contains("SpecEngines.open(SpecEngines.") || source.contains("SpecEngines.open(\"")) {
                    problems.add(name + ": a spec case pinned to one engine");
                }
                String compact = source.replaceAll("\\s", "");
                if (count(compact, "@ValueSource(strings={SpecEngines.")
                        != count(compact, "@ValueSource(strings={SpecEngines.DUCKDB,SpecEngines.SPARK})")) {
                    problems.add(name + ": an engine @ValueSource without both engines");
                }
                if (!oneEngineValueSources(compact).isEmpty()) {
                    problems.add(
                            name + ": an engine @ValueSource without both engines " + oneEngineValueSources(compact));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    static final Pattern VALUE_SOURCE = Pattern.compile("@ValueSource\\(strings=\\{([^}]*)}\\)");

    /** The string lists of {@code @ValueSource}s (whitespace removed) that name one engine but not the other. */
    static List<String> oneEngineValueSources(String compact) {
        List<String> out = new ArrayList<>();
        Matcher m = VALUE_SOURCE.matcher(compact);
        while (m.find()) {
            String values = m.group(1);
            boolean duckdb = values.contains("SpecEngines.DUCKDB") || values.contains("\"duckdb\"");
            boolean spark = values.contains("SpecEngines.SPARK") || values.contains("\"spark\"");
            if (duckdb != spark) {
                out.add("{" + values + "}");
            }
        }
        return out;
    }

    @Test
    void aValueSourceOfOneEngineIsCaught() {
        assertEquals(
                1, oneEngineValueSources("@ValueSource(strings={\"duckdb\"})").size());
        assertEquals(
                1,
                oneEngineValueSources("@ValueSource(strings={SpecEngines.SPARK})")
                        .size());
        assertEquals(
                0,
                oneEngineValueSources("@ValueSource(strings={\"duckdb\",\"spark\"})")
                        .size());
        assertEquals(
                0,
                oneEngineValueSources("@ValueSource(strings={SpecEngines.DUCKDB,SpecEngines.SPARK})")
                        .size());
        assertEquals(
                0, oneEngineValueSources("@ValueSource(strings={\"2024/25\"})").size());
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
