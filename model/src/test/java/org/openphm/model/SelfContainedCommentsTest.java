package org.openphm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments in the repository's Java sources cite only what a reader of the repository can open: a file in it, or
 * the public source itself. The project's working notes (a folder named shared beside the checkout, its STACK
 * notes) are not in the repository, so a comment must not send the reader there.
 */
class SelfContainedCommentsTest {

    /** A path into the shared folder, or the stack notes, named in a comment. */
    private static final Pattern OUTSIDE =
            Pattern.compile("(?<![\\w.-])shared/|STACK\\.md|DATA_PACK\\.md|DATA_MODEL\\.md|DESIGN\\.md");

    /** Documentation is read the same way: every Markdown file of the repository, each line. */
    @Test
    void noDocumentPointsOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".md"))
                    .filter(x -> !root.relativize(x).toString().matches("(.*/)?(target|node_modules|\\.git)/.*"))
                    .sorted()
                    .toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (OUTSIDE.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(p) + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "documents citing files outside the repository: cite the public source");
    }

    @Test
    void noCommentPointsOutsideTheRepository() throws IOException {
        Path root = repositoryRoot();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(root)) {
            sources = s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().contains("src" + java.io.File.separator))
                    .filter(p -> !root.relativize(p).toString().contains("target" + java.io.File.separator))
                    .sorted()
                    .toList();
        }
        assertTrue(sources.size() > 100, "found the repository's sources under " + root + ": " + sources.size());
        List<String> found = new ArrayList<>();
        for (Path p : sources) {
            String text = Files.readString(p);
            for (Comment c : comments(text)) {
                if (OUTSIDE.matcher(c.text()).find()) {
                    found.add(root.relativize(p) + ":" + c.line() + ": "
                            + c.text()
                                    .strip()
                                    .lines()
                                    .filter(l -> OUTSIDE.matcher(l).find())
                                    .findFirst()
                                    .orElse("")
                                    .strip());
                }
            }
        }
        assertEquals(
                List.of(),
                found,
                "comments citing files outside the repository: point at the repository's copy"
                        + " or cite the public source");
    }

    @Test
    void commentsAreFoundAndStringsAreNot() {
        String source = """
                /** See shared/DATA_PACK.md. */
                class A {
                    String s = "shared/reference/external // not a comment /* nor this */";
                    char c = '"';
                    String t = \"""
                        text block, shared/ too, // no comment
                        \""";
                    int x = 1; // STACK.md trap 4
                    /* block */ int y = 2;
                }
                """;
        List<Comment> comments = comments(source);
        assertEquals(
                List.of("/** See shared/DATA_PACK.md. */", "// STACK.md trap 4", "/* block */"),
                comments.stream().map(Comment::text).toList());
        assertEquals(List.of(1, 8, 9), comments.stream().map(Comment::line).toList());
        assertEquals(
                2,
                comments.stream().filter(c -> OUTSIDE.matcher(c.text()).find()).count());
    }

    record Comment(int line, String text) {}

    /** The comments of a Java source: // to the end of the line and slash-star to star-slash, outside literals. */
    static List<Comment> comments(String src) {
        List<Comment> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                line += count(src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Comment(line, src.substring(i, end)));
                i = end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.add(new Comment(line, src.substring(i, end)));
                line += count(src, i, end);
                i = end;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }

    /** Up from the module's folder to the folder whose pom.xml is the parent of every module. */
    private static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom)
                    && Files.readString(pom).contains("<artifactId>openphm-parent</artifactId>")
                    && Files.readString(pom).contains("<modules>")) {
                return p;
            }
        }
        throw new IllegalStateException(
                "no openphm-parent pom.xml above " + Path.of("").toAbsolutePath());
    }
}
