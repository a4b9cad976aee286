package org.openphm.analyses.phm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a segment-rules or cohort file (JSON, or YAML when it ends .yaml/.yml) and checks it against its
 * published JSON Schema (networknt json-schema-validator, draft 2020-12) before anything reads its content, so
 * a mistake is reported as the file and the field it is in, not as an engine error later.
 */
public final class CheckedFile {
    private CheckedFile() {}

    /** The schemas ship in the jar under phm/; their $refs are relative, so the published copies work too. */
    static final List<String> SCHEMAS = List.of("criterion.schema.json", "segments.schema.json", "cohort.schema.json");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** A file that is not what its schema (or a check beyond it) says; the message names file and field. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public static JsonNode read(Path file, String schema) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
                ? new ObjectMapper(new YAMLFactory())
                : new ObjectMapper();
        JsonNode node;
        try {
            node = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new Invalid(file + (at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": not readable as " + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new Invalid(file + ": the file is empty");
        }
        check(node, schema, file.toString());
        return node;
    }

    public static JsonNode readResource(String resource, String schema) throws IOException {
        try (InputStream in = CheckedFile.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            JsonNode node = new ObjectMapper().readTree(in);
            check(node, schema, resource);
            return node;
        }
    }

    /** Checks a document against one of {@link #SCHEMAS}; every problem is listed, each with its field. */
    public static void check(JsonNode node, String schema, String where) {
        // A bare name is one of the phm/ schemas; others (impact/scenario.schema.json) give their folder.
        Schema s =
                REGISTRY.getSchema(SchemaLocation.of("classpath:" + (schema.contains("/") ? schema : "phm/" + schema)));
        List<Error> errors = s.validate(node);
        if (!errors.isEmpty()) {
            throw new Invalid(where + " does not follow " + schema + ":\n"
                    + errors.stream()
                            .map(e -> "  field " + field(e.getInstanceLocation().toString()) + ": " + e.getMessage())
                            .distinct()
                            .collect(Collectors.joining("\n")));
        }
    }

    /**
     * A JSON Pointer as the validator gives it ({@code /include/0/criterion}) in the form our own checks use and a
     * reader of the file follows ({@code $.include[0].criterion}).
     */
    static String field(String pointer) {
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder b = new StringBuilder("$");
        for (String part : pointer.split("/")) {
            if (!part.isEmpty()) {
                b.append(
                        part.matches("[0-9]+")
                                ? "[" + part + "]"
                                : "." + part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

    /** The text of a shipped schema, for {@code phm cohort schema}. */
    public static String schemaText(String schema) throws IOException {
        try (InputStream in =
                CheckedFile.class.getResourceAsStream("/" + (schema.contains("/") ? schema : "phm/" + schema))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
