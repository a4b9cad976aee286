package org.openphm.analyses.icb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 1, "any ICB": no BLMK Place code, Place or ICB name, hospital site or provider code is written
 * into production code. Geography comes from the workspace (practice and lsoa reference tables); what the
 * workspace lacks is the ICB profile, a data file (analyses resources icb/blmk.yaml, {@link IcbProfile}).
 *
 * <p>The rule: every module's {@code src/main/java} except {@code synth} is searched, code and string literals
 * alike; comments are not (a comment citing the BLMK data pack, "DP 8.5 Bedford Borough adults", is a citation,
 * not configuration). {@code synth} is exempt: the generator's job is to describe the BLMK-shaped synthetic
 * population. The only other exceptions are {@link #ALLOWED}, each with its reason.
 */
class NoIcbLiteralsTest {

    /** BLMK's Place codes, names and ICB code; its acute sites; the provider codes its pages are printed for. */
    static final Pattern BLMK =
            Pattern.compile("E0600005[56]|E06000032|E06000042|BLMK|Bedford|Luton|Milton Keynes|QHG|RC971|RC979|RD816"
                    + "|\\bRV3\\b|\\bRWK\\b|\\bRYV\\b");

    /**
     * File (relative to the repository root) → the matches allowed in it, and why. Keep it short: an entry is
     * a description of the synthetic generator.
     */
    static final Map<String, Allowed> ALLOWED = Map.of(
            // cli help describes what 'phm demo' and 'phm generate' make: the synthetic BLMK-like ICB
            "cli/src/main/java/org/openphm/cli/Phm.java",
            new Allowed("BLMK", "describes the synthetic generator"),
            "cli/src/main/java/org/openphm/cli/DemoCommand.java",
            new Allowed("BLMK", "describes the synthetic generator"),
            "cli/src/main/java/org/openphm/cli/GenerateCommand.java",
            new Allowed("BLMK", "describes the synthetic generator"));

    record Allowed(String matches, String reason) {
        boolean allows(String match) {
            return match.matches(matches);
        }
    }

    @Test
    void productionCodeNamesNoBlmkGeographySiteOrProvider() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path sources = module.resolve("src/main/java");
                if (module.getFileName().toString().equals("synth") || !Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> java = Files.walk(sources)) {
                    for (Path file : java.filter(p -> p.toString().endsWith(".java"))
                            .sorted()
                            .toList()) {
                        files++;
                        String name = root.relativize(file).toString().replace('\\', '/');
                        found.addAll(matches(name, Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        assertTrue(files > 100, "searched only " + files + " files under " + root + ": is it the repository?");
        assertTrue(
                found.isEmpty(),
                "BLMK-specific literals in production code (move them to the workspace or "
                        + "the ICB profile analyses/src/main/resources/icb/blmk.yaml):\n  "
                        + String.join("\n  ", found));
    }

    /** The test's own lexer: comments are skipped, string literals are searched. */
    @Test
    void commentsAreSkippedAndStringsSearched() {
        String code = "// Luton\n/* Bedford */ String s = \"https://x//\" + \"BLMK ICB\"; /** QHG */ char c = '\"';"
                + " String t = \"/* E06000032 */\";\n";
        assertEquals(List.of("X.java:2: BLMK", "X.java:2: E06000032"), matches("X.java", code));
    }

    static List<String> matches(String name, String source) {
        String code = withoutComments(source);
        List<String> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = BLMK.matcher(lines[i]);
            while (m.find()) {
                Allowed allowed = ALLOWED.get(name);
                if (allowed == null || !allowed.allows(m.group())) {
                    out.add(name + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return out;
    }

    /** The source with every comment blanked (newlines kept, so line numbers hold); strings and chars kept. */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) { // text block
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') { // string or char literal
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(s, i, j);
                i = j;
            } else if (s.startsWith("//", i)) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Tests run in the module directory; the repository root is the parent holding the reactor pom. */
    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("analyses")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new UncheckedIOException(new IOException(
                    "repository root not found above " + Path.of("").toAbsolutePath()));
        }
        return p;
    }
}
