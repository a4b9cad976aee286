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
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Issue 19 item 1, "any ICB": no BLMK Place code, Place or ICB name, hospital site or provider code is written
 * into production code, the synthetic generator's included. Geography comes from the workspace (practice and lsoa
 * reference tables); what the workspace lacks is the ICB profile, a data file (analyses resources icb/blmk.yaml,
 * {@link IcbProfile}); what makes the synthetic population BLMK-shaped is its definition, another data file (synth
 * resources org/openphm/synth/icb/blmk.yaml) next to a second, differently shaped one (northmoor.yaml).
 *
 * <p>The rule: every module's {@code src/main/java} is searched, code and string literals alike; comments are not
 * (a comment citing the BLMK data pack, "DP 8.5 Bedford Borough adults", is a citation, not configuration). The only
 * exceptions are {@link #ALLOWED}, each with its reason.
 */
class NoIcbLiteralsTest {

    /**
     * BLMK's Place codes and names, its ICB code and name, its hospital trusts and sites and its community
     * providers: the ones written here, and every one its synthetic definition lists (so a code added to the
     * definition is searched for too).
     */
    static final Pattern BLMK = Pattern.compile(String.join("|", blmkNames()));

    static List<String> blmkNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(List.of(
                "E0600005[56]",
                "E06000032",
                "E06000042",
                "BLMK",
                "Bedford",
                "Luton",
                "Milton Keynes",
                "QHG",
                "RC971",
                "RC979",
                "RD816",
                "\\bRC9\\b",
                "\\bRD8\\b",
                "\\bRV3\\b",
                "\\bRWK\\b",
                "\\bRYV\\b",
                // BLMK's community and mental-health trusts by the names its data pack uses
                "\\bELFT\\b",
                "\\bCNWL\\b",
                "\\bCCS\\b",
                "WICU"));
        SyntheticIcbDefinition blmk = SyntheticIcbDefinition.load("blmk");
        names.add(Pattern.quote(blmk.code()));
        names.add(Pattern.quote(blmk.name()));
        for (Place p : blmk.places()) {
            names.add(Pattern.quote(p.code()));
            names.add(Pattern.quote(p.name()));
            names.add("\\b" + Pattern.quote(p.community().provider()) + "\\b");
        }
        for (Site s : blmk.sites()) {
            names.add("\\b" + Pattern.quote(s.key()) + "\\b");
        }
        return List.copyOf(names);
    }

    /** File (relative to the repository root) → the matches allowed in it, and why. Empty, and best kept so. */
    static final Map<String, Allowed> ALLOWED = Map.of();

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
                if (!Files.isDirectory(sources)) {
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
                "BLMK-specific literals in production code (move them to the workspace, the ICB profile "
                        + "analyses/src/main/resources/icb/blmk.yaml or the synthetic ICB's definition "
                        + "synth/src/main/resources/org/openphm/synth/icb/blmk.yaml):\n  "
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
