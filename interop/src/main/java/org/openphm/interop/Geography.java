package org.openphm.interop;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openphm.ingest.UnusableInputException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;
import org.openphm.model.TableKind;

/**
 * The ICB's own reference files and aggregate feeds (practice, lsoa, population_projection, …), which no clinical
 * standard carries: given with {@code --geography DIR} in the canonical layout and passed to the ingest as they
 * are. The adapters resolve practices against them.
 */
public final class Geography {
    private final Set<String> practices;

    private Geography(Set<String> practices) {
        this.practices = practices;
    }

    /** Copies every canonical reference or aggregate file of {@code dir} into {@code staging}. */
    static Geography copy(Path dir, Path staging) throws IOException, UnusableInputException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UnusableInputException(
                    "--geography",
                    0,
                    null,
                    dir == null ? "is required with --format" : dir + " is not a folder",
                    "give the folder of the ICB's reference files in the canonical layout "
                            + "(at least practice.csv, lsoa.csv and population_projection.csv; see docs/DATA_MODEL.generated.md)");
        }
        Set<String> practices = new HashSet<>();
        for (Table t : CanonicalSchema.TABLES) {
            if (t.kind() == TableKind.PATIENT_LEVEL) {
                continue;
            }
            for (String ext : List.of(".csv", ".parquet")) {
                Path p = dir.resolve(t.name() + ext);
                if (Files.isRegularFile(p)) {
                    Files.copy(p, staging.resolve(t.name() + ext), StandardCopyOption.REPLACE_EXISTING);
                    if (t.equals(CanonicalSchema.PRACTICE) && ext.equals(".csv")) {
                        practices.addAll(codes(p));
                    }
                }
            }
        }
        if (practices.isEmpty()) {
            throw new UnusableInputException(
                    dir.resolve("practice.csv").toString(),
                    0,
                    null,
                    "no practices: the geography needs the ICB's practice.csv",
                    "add practice.csv (practice -> PCN -> neighbourhood -> Place -> ICB) to " + dir);
        }
        return new Geography(practices);
    }

    public boolean hasPractice(String code) {
        return code != null && practices.contains(code.strip());
    }

    private static Set<String> codes(Path practiceCsv) throws IOException {
        Set<String> codes = new HashSet<>();
        try (Reader r = Files.newBufferedReader(practiceCsv)) {
            for (CSVRecord rec : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                codes.add(rec.get("practice_code").strip());
            }
        }
        return codes;
    }
}
