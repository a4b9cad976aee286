package org.openphm.analyses.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The published scores the risk model's features are built from, read from reference data (SOURCES.md beside
 * the files): the Cambridge Multimorbidity Score's weights and the electronic Frailty Index's deficits, each
 * with the canonical register that evidences it where the canonical model holds one.
 */
public final class RiskReference {
    private RiskReference() {}

    /** A CMS condition: its general-outcome weight and our register for it (null when none is held). */
    public record CmsCondition(String condition, double weight, String register, String note) {}

    /** An eFI deficit and the registers any of which evidences it (empty when none is held). */
    public record Deficit(String deficit, List<String> registers) {}

    /** The eFI divides the deficits present by all of them, held or not. */
    public static final int EFI_DEFICITS = 36;

    public static List<CmsCondition> cambridgeScore() {
        List<CmsCondition> out = new ArrayList<>();
        for (CSVRecord r : read("cambridge_multimorbidity_score.csv")) {
            String register = r.get("register").isBlank() ? null : r.get("register");
            out.add(new CmsCondition(r.get("condition"), Double.parseDouble(r.get("weight")), register,
                    r.get("mapping_note")));
        }
        return List.copyOf(out);
    }

    public static List<Deficit> frailtyDeficits() {
        List<Deficit> out = new ArrayList<>();
        for (CSVRecord r : read("efi_deficits.csv")) {
            String registers = r.get("register");
            out.add(new Deficit(r.get("deficit"), registers.isBlank() ? List.of() : Arrays.asList(registers.split("\\|"))));
        }
        if (out.size() != EFI_DEFICITS) {
            throw new IllegalStateException("efi_deficits.csv lists " + out.size() + " deficits, the eFI has " + EFI_DEFICITS);
        }
        return List.copyOf(out);
    }

    private static List<CSVRecord> read(String name) {
        try (InputStream in = RiskReference.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("reference table " + name + " is missing from the build");
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
