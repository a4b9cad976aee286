package org.openphm.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.model.ReferenceCsv;

/**
 * Which condition register a SNOMED CT code (or an OMOP standard concept) puts a person on: the reviewed,
 * versioned mapping file written by {@link RegisterMapBuilder} from named root concepts
 * ({@code interop/register_roots.csv}). Both adapters use the same file, so OMOP and FHIR inputs land on the
 * same registers. The shipped file ({@code interop/snomed_register_map.csv}) was built from the vocabulary of
 * the OHDSI Synthea27Nj sample; an ICB builds its own from its full vocabulary and passes it with
 * {@code --register-map}.
 *
 * @param header the file's comment lines (version, method, vocabulary), shown in the ingest report
 */
public record RegisterMap(List<String> header, Map<String, Set<String>> byCode, Map<Long, Set<String>> byConcept) {
    public static final String SHIPPED = "interop/snomed_register_map.csv";
    static final String[] COLUMNS = {"register", "snomed_code", "omop_concept_id", "concept_name", "root_code"};

    public static RegisterMap shipped() throws IOException {
        try (InputStream in = RegisterMap.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IOException("the register map " + SHIPPED + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
        }
    }

    public static RegisterMap read(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the register map " + file);
        }
        return parse(Files.readString(file), file.toString());
    }

    static RegisterMap parse(String text, String name) throws IOException {
        List<String> header = new ArrayList<>();
        Map<String, Set<String>> byCode = new HashMap<>();
        Map<Long, Set<String>> byConcept = new HashMap<>();
        text.lines()
                .filter(l -> l.startsWith("#"))
                .forEach(l -> header.add(l.substring(1).strip()));
        try (Reader r = new StringReader(text)) {
            for (ReferenceCsv.Row rec : ReferenceCsv.rows(r, name)) {
                String register = rec.optional("register");
                String code = rec.optional("snomed_code");
                if (register.isBlank() || code.isBlank()) {
                    throw new IOException(name + " line " + rec.line() + ": register and snomed_code are required");
                }
                byCode.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(register);
                if (!rec.optional("omop_concept_id").isBlank()) {
                    byConcept
                            .computeIfAbsent(rec.longInteger("omop_concept_id"), k -> new LinkedHashSet<>())
                            .add(register);
                }
            }
        } catch (IllegalStateException e) {
            throw new IOException(name + ": not a register map (" + e.getMessage() + ")", e);
        }
        return new RegisterMap(List.copyOf(header), byCode, byConcept);
    }

    /** Registers of a SNOMED CT code; empty when the code is on none. */
    public Set<String> ofCode(String snomedCode) {
        return snomedCode == null ? Set.of() : byCode.getOrDefault(snomedCode.strip(), Set.of());
    }

    /** Registers of an OMOP concept, falling back to its source code. */
    public Set<String> ofConcept(long conceptId, String sourceCode) {
        Set<String> r = byConcept.get(conceptId);
        return r != null ? r : ofCode(sourceCode);
    }

    /** The map's version line, for the report. */
    public String version() {
        return header.stream().filter(h -> h.startsWith("version")).findFirst().orElse("version unknown");
    }

    /** Codes per register: the map's coverage. */
    public Map<String, Long> codesPerRegister() {
        Map<String, Long> n = new java.util.TreeMap<>();
        byCode.values().forEach(rs -> rs.forEach(r -> n.merge(r, 1L, Long::sum)));
        return n;
    }
}
