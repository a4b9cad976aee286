package org.openphm.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openphm.analyses.pack.Catalogue;

/**
 * Every analysis and indicator source of the {@link Catalogue} has an engine specification: some test under
 * analyses' {@code src/test/java} that runs through {@link SpecEngines} names its class. A simple source scan (the
 * simple class name as a word in a file that calls {@code SpecEngines.}), so a new analysis added to the catalogue
 * without a spec fails here until it gets one or an entry in {@link #WITHOUT_SPEC} saying why.
 */
class CatalogueSpecCoverageTest {

    static final Path TESTS = Path.of("src/test/java");

    /**
     * Catalogue classes with no engine spec, and why. Keep the reasons honest: "not yet specified" means a spec is
     * owed, not that one is unnecessary. Remove an entry when its spec is written (an entry for a class that is
     * covered, or no longer in the catalogue, fails too).
     */
    static final Map<String, String> WITHOUT_SPEC = Map.of(
            // DP 2.6 reads no engine: it publishes reference shares (GBD) only; CausesOfDisabilityTest is a plain @Test
            "CausesOfDisability", "reads no engine: published reference shares only");

    @Test
    void everyCatalogueClassHasAnEngineSpec() throws IOException {
        List<String> specSources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("CatalogueSpecCoverageTest.java")
                        || name.equals("SpecEngines.java")
                        || name.equals("SpecStyleTest.java")) {
                    continue; // they name classes without running them
                }
                String source = Files.readString(file);
                if (source.contains("SpecEngines.")) {
                    specSources.add(source);
                }
            }
        }
        TreeSet<String> classes = new TreeSet<>();
        Catalogue.analyses().forEach(a -> classes.add(a.getClass().getSimpleName()));
        Catalogue.indicatorSources().forEach(s -> classes.add(s.getClass().getSimpleName()));

        List<String> problems = new ArrayList<>();
        for (String cls : classes) {
            Pattern word = Pattern.compile("\\b" + Pattern.quote(cls) + "\\b");
            boolean covered = specSources.stream().anyMatch(s -> word.matcher(s).find());
            if (!covered && !WITHOUT_SPEC.containsKey(cls)) {
                problems.add(
                        cls + ": in the catalogue but no SpecEngines test names it; write a <Family>SpecTest case");
            }
            if (covered && WITHOUT_SPEC.containsKey(cls)) {
                problems.add(cls + ": has a spec now; remove it from WITHOUT_SPEC");
            }
        }
        for (String listed : WITHOUT_SPEC.keySet()) {
            if (!classes.contains(listed)) {
                problems.add(listed + ": in WITHOUT_SPEC but not in the catalogue");
            }
        }
        assertEquals(List.of(), problems);
    }
}
