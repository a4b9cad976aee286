package org.openphm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.pack.Catalogue;
import org.openphm.model.results.ChartSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "find",
        mixinStandardHelpOptions = true,
        description = {
            "From a data-pack figure to its code: for a section (\"DP 8.4\", \"8.4\", \"PHM 13.1\") or an "
                    + "indicator or analysis id, prints each definition's class and source file, the tests that name it, "
                    + "its results files and its charts.",
            "Tests are found by searching the source checkout the command runs in (or --source).",
            "Exit codes: 0 found, 2 nothing is filed under it."
        })
final class FindCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SECTION|ID", description = "e.g. \"DP 8.4\", 8.4, dp-8.4-acsc-admissions")
    String query;

    @Option(
            names = "--results",
            paramLabel = "DIR",
            description = "A build's results folder: list the files it wrote "
                    + "for each analysis (default: the files its charts read)")
    Path results;

    @Option(
            names = "--source",
            paramLabel = "DIR",
            description = "The source checkout to search for tests " + "(default: found from the working folder)")
    Path source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        String section = section(query);
        List<IndicatorSpec> indicators = new ArrayList<>();
        Map<IndicatorSpec, IndicatorSource> familyOf = new LinkedHashMap<>();
        for (IndicatorSource s : Catalogue.indicatorSources()) {
            for (IndicatorSpec i : s.indicators()) {
                if (i.metadata().section().equalsIgnoreCase(section) || i.id().equals(query)) {
                    indicators.add(i);
                    familyOf.put(i, s);
                }
            }
        }
        List<Analysis> analyses = Catalogue.analyses().stream()
                .filter(a -> a.info().section().equalsIgnoreCase(section)
                        || a.info().id().equals(query)
                        || a.info().id().startsWith(query.toLowerCase(Locale.ROOT) + "-"))
                .toList();
        if (indicators.isEmpty() && analyses.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("phm find: nothing is filed under '" + query + "'. Sections held: "
                            + String.join(", ", sections()));
            spec.commandLine().getErr().flush();
            return 2;
        }
        Path root = source != null ? source : checkout();
        List<Path> tests = root == null ? List.of() : testFiles(root);
        JsonNode metadata = results == null
                ? null
                : new ObjectMapper().readTree(results.resolve("metadata.json").toFile());
        out.printf(
                "%s: %d indicator%s, %d analys%s%n",
                query,
                indicators.size(),
                indicators.size() == 1 ? "" : "s",
                analyses.size(),
                analyses.size() == 1 ? "is" : "es");
        for (IndicatorSpec i : indicators) {
            out.println();
            out.println("indicator " + i.id() + " (" + i.metadata().section() + "): "
                    + i.metadata().name());
            Class<?> family = familyOf.get(i).getClass();
            out.println("  definition  " + family.getName() + where(root, family));
            printTests(out, root, tests, family, i.id(), i.metadata().section());
            out.println("  results     results/indicators.csv and results/indicators_fingertips.csv (indicator_id = "
                    + i.id() + ")");
            for (ChartSpec c : org.openphm.analyses.build.IndicatorCharts.standard(i.metadata())) {
                out.println("  chart       " + c.kind() + " \"" + c.title() + "\" from indicators.csv");
            }
        }
        for (Analysis a : analyses) {
            AnalysisInfo info = a.info();
            out.println();
            out.println("analysis " + info.id() + " (" + info.section() + "): " + info.title());
            out.println("  definition  " + a.getClass().getName() + where(root, a.getClass()));
            printTests(out, root, tests, a.getClass(), info.id(), info.section());
            out.println("  results     " + String.join(", ", files(info, metadata)));
            for (ChartSpec c : info.charts()) {
                out.println("  chart       " + c.kind() + " \"" + c.title() + "\" from "
                        + info.file(c.data().table()));
            }
        }
        return 0;
    }

    /** "8.4" and "dp 8.4" mean "DP 8.4"; anything else is kept as given. */
    static String section(String q) {
        String s = q.strip();
        if (s.matches("[0-9]+(\\.[0-9]+)?")) {
            return "DP " + s;
        }
        if (s.matches("(?i)(dp|phm|imp)\\s*[0-9]+(\\.[0-9]+)?")) {
            return s.replaceFirst("(?i)^(dp|phm|imp)\\s*", "$1 ").toUpperCase(Locale.ROOT);
        }
        return s;
    }

    private static List<String> sections() {
        TreeSet<String> all = new TreeSet<>((a, b) -> compareSections(a, b));
        Catalogue.indicatorSources()
                .forEach(s -> s.indicators().forEach(i -> all.add(i.metadata().section())));
        Catalogue.analyses().forEach(a -> all.add(a.info().section()));
        return List.copyOf(all);
    }

    private static int compareSections(String a, String b) {
        String[] x = a.split("[ .]");
        String[] y = b.split("[ .]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("[0-9]+") && y[i].matches("[0-9]+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The files a build wrote for the analysis (from metadata.json), or those its charts read. */
    private static List<String> files(AnalysisInfo info, JsonNode metadata) {
        if (metadata != null) {
            for (JsonNode a : metadata.path("analyses")) {
                if (a.path("id").asText().equals(info.id())) {
                    List<String> files = new ArrayList<>();
                    a.path("tables")
                            .forEach(t -> files.add("results/" + t.path("file").asText()));
                    return files;
                }
            }
            return List.of("(not in this build's metadata.json)");
        }
        return info.charts().stream()
                .map(c -> "results/" + info.file(c.data().table()))
                .distinct()
                .toList();
    }

    /** The tests naming the definition's class, its id or its section, most specific first. */
    private static void printTests(
            PrintStream out, Path root, List<Path> tests, Class<?> definition, String id, String section)
            throws IOException {
        if (root == null) {
            out.println("  tests       (run from a source checkout, or give --source, to list them)");
            return;
        }
        String simple = topLevel(definition).getSimpleName();
        List<String> byClass = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        for (Path t : tests) {
            String text = Files.readString(t);
            String name = root.relativize(t).toString();
            if (t.getFileName().toString().startsWith(simple) || text.matches("(?s).*\\b" + simple + "\\b.*")) {
                byClass.add(name);
            } else if (text.contains("\"" + id + "\"") || text.contains("\"" + section + "\"")) {
                byName.add(name);
            }
        }
        List<String> found = new ArrayList<>(byClass);
        found.addAll(byName);
        if (found.isEmpty()) {
            out.println("  tests       none name it directly (it is covered by the whole-pack tests)");
        }
        for (int i = 0; i < Math.min(found.size(), 8); i++) {
            out.println((i == 0 ? "  tests       " : "              ") + found.get(i));
        }
        if (found.size() > 8) {
            out.println("              ... and " + (found.size() - 8) + " more");
        }
    }

    private static String where(Path root, Class<?> c) {
        if (root == null) {
            return "";
        }
        String rel = topLevel(c).getName().replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve("src/main/java").resolve(rel))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .map(p -> " (" + root.relativize(p) + ")")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static Class<?> topLevel(Class<?> c) {
        Class<?> t = c;
        while (t.getEnclosingClass() != null) {
            t = t.getEnclosingClass();
        }
        return t;
    }

    /** The source checkout: the nearest folder above the working one that holds analyses/src/main/java. */
    static Path checkout() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("analyses/src/main/java"))) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> testFiles(Path root) throws IOException {
        List<Path> tests = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path m : modules.sorted().toList()) {
                Path dir = m.resolve("src/test/java");
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(f -> f.toString().endsWith(".java"))
                                .sorted()
                                .forEach(tests::add);
                    }
                }
            }
        }
        return tests;
    }
}
