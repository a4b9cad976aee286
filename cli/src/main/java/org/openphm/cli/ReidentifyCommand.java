package org.openphm.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.model.CsvTableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phm reidentify} (issue 13, item 3): a practice finds its own patients on a pseudonymised list by supplying
 * the NHS numbers it already holds. The pseudonym is a keyed hash, so the practice's numbers are hashed with the
 * workspace key and matched; the product never stores or looks up an identity, and a number not on the list
 * reveals nothing. Runs where the practice's numbers are, with a copy of the key; prints counts only.
 */
@Command(
        name = "reidentify",
        mixinStandardHelpOptions = true,
        description = "Put your own patients' NHS numbers back on a pseudonymised list (phm cohort run --list, or "
                + "the dashboard's list saved as CSV): hashes the NHS numbers you hold with the workspace key and "
                + "keeps the list's rows that match. For direct care by the practice that holds the numbers.")
final class ReidentifyCommand implements Callable<Integer> {
    @Option(names = "--list", required = true, description = "The pseudonymised list (CSV with a person_id column)")
    Path list;

    @Option(
            names = "--nhs-numbers",
            required = true,
            description = "Your patients' NHS numbers: a CSV with an " + "nhs_number column, or one number per line")
    Path numbers;

    @Option(names = "--key", required = true, description = "The workspace key (W.key, beside the workspace)")
    Path key;

    @Option(
            names = "--out",
            required = true,
            description = "Where to write the list with NHS numbers (keep it " + "where only your team can read it)")
    Path out;

    @Override
    public Integer call() throws IOException {
        UnaryOperator<String> pseudonym = WorkspacePseudonyms.withKey(key);
        Map<String, String> byPseudonym = new HashMap<>();
        List<Long> invalidLines = new ArrayList<>();
        for (Map.Entry<Long, String> n : readNumbers().entrySet()) {
            try {
                byPseudonym.put(pseudonym.apply(n.getValue()), n.getValue().replaceAll("[^0-9]", ""));
            } catch (IllegalArgumentException e) {
                invalidLines.add(n.getKey()); // the reason is a checksum: the number itself is never printed
            }
        }
        long rows = 0;
        long matched = 0;
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (Reader r = Files.newBufferedReader(list, StandardCharsets.UTF_8);
                var csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            List<String> header = csv.getHeaderNames();
            if (!header.contains("person_id")) {
                throw new IllegalArgumentException(list + ": no person_id column (columns: " + header + ")");
            }
            List<String> columns = new ArrayList<>(List.of("nhs_number"));
            columns.addAll(header);
            try (CsvTableWriter w = CsvTableWriter.forSpreadsheets(tmp, columns)) {
                for (CSVRecord rec : csv) {
                    rows++;
                    String nhs = byPseudonym.get(rec.get("person_id"));
                    if (nhs != null) {
                        matched++;
                        List<Object> row = new ArrayList<>(List.of(nhs));
                        header.forEach(h -> row.add(rec.get(h)));
                        w.row(row.toArray());
                    }
                }
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(
                "Matched %,d of the list's %,d people to %,d NHS numbers you supplied%s.%n",
                matched,
                rows,
                byPseudonym.size(),
                invalidLines.isEmpty()
                        ? ""
                        : "; " + invalidLines.size() + " supplied numbers are not valid NHS numbers (lines "
                                + shortList(invalidLines) + ")");
        if (matched < rows) {
            System.out.printf(
                    "The other %,d are not among the numbers you supplied (registered elsewhere now, or "
                            + "your file is not complete).%n",
                    rows - matched);
        }
        System.out.printf(
                "Wrote %s: keep it where only the team caring for these patients can read it.%n", out.toAbsolutePath());
        return 0;
    }

    /** Line number to NHS number, from an nhs_number column or one number per line. */
    private Map<Long, String> readNumbers() throws IOException {
        List<String> lines = Files.readAllLines(numbers, StandardCharsets.UTF_8);
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        if (!lines.isEmpty() && lines.get(0).toLowerCase(java.util.Locale.ROOT).contains("nhs_number")) {
            try (Reader r = Files.newBufferedReader(numbers, StandardCharsets.UTF_8);
                    var csv = CSVFormat.DEFAULT
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(r)) {
                for (CSVRecord rec : csv) {
                    out.put(rec.getRecordNumber() + 1, rec.get("nhs_number"));
                }
            }
            return out;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.put((long) i + 1, lines.get(i).trim());
            }
        }
        return out;
    }

    private static String shortList(List<Long> lines) {
        List<String> shown = lines.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (lines.size() > 10 ? ", ..." : "");
    }
}
