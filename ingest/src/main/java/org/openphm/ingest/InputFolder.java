package org.openphm.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * Finds the file for each canonical table in the input folder. Unknown files are reported and ignored;
 * a missing mandatory table or two files for one table make the input unusable.
 */
final class InputFolder {
    static final String SCHEMA_DOC = "docs/DATA_MODEL.generated.md";

    private InputFolder() {}

    /** Files in canonical load order (reference tables first), keyed by table name. */
    static Map<String, InputFile> scan(Path dir, List<String> warnings) throws UnusableInputException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableInputException(
                    dir.toString(),
                    0,
                    null,
                    "is not a folder",
                    "give the folder holding one file per table, e.g. patient.csv, practice.csv");
        }
        Map<String, List<Path>> byTable = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                Optional<Table> table = tableOf(name);
                if (table.isEmpty()) {
                    if (!Files.isDirectory(p) && !name.startsWith(".")) {
                        warnings.add(name + ": not a canonical table file (<table>.csv or <table>.parquet); ignored");
                    }
                    continue;
                }
                byTable.computeIfAbsent(table.get().name(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        Map<String, InputFile> result = new LinkedHashMap<>();
        for (Table t : CanonicalSchema.TABLES) {
            List<Path> found = byTable.getOrDefault(t.name(), List.of());
            if (found.size() > 1) {
                throw new UnusableInputException(
                        t.name(),
                        0,
                        null,
                        "two files for one table (" + found.get(0).getFileName() + ", "
                                + found.get(1).getFileName() + ")",
                        "keep exactly one of them in " + dir);
            }
            if (found.isEmpty()) {
                if (t.mandatory()) {
                    throw new UnusableInputException(
                            t.name() + ".csv",
                            0,
                            null,
                            "the mandatory table '" + t.name() + "' is missing from " + dir,
                            "supply " + t.name() + ".csv or " + t.name() + ".parquet with columns "
                                    + String.join(", ", t.columnNames()) + "; see " + SCHEMA_DOC);
                }
                continue;
            }
            Path p = found.get(0);
            InputFile.Format format =
                    p.getFileName().toString().endsWith(".csv") ? InputFile.Format.CSV : InputFile.Format.PARQUET;
            result.put(t.name(), new InputFile(t, p, format));
        }
        return result;
    }

    private static Optional<Table> tableOf(String fileName) {
        String base;
        if (fileName.endsWith(".csv")) {
            base = fileName.substring(0, fileName.length() - 4);
        } else if (fileName.endsWith(".parquet")) {
            base = fileName.substring(0, fileName.length() - 8);
        } else {
            return Optional.empty();
        }
        return CanonicalSchema.table(base);
    }
}
