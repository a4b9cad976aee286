package org.openphm.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.commons.io.file.PathUtils;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.ingest.IngestResult;
import org.openphm.ingest.SourceTranslation;
import org.openphm.ingest.UnusableInputException;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.model.Table;
import org.openphm.model.TableKind;

/**
 * {@code phm ingest --format omop|fhir}: the adapter writes canonical files into a private staging folder beside
 * the workspace, then the ordinary ingest validates, pseudonymises, quarantines, reconciles and loads them
 * atomically, with the adapter's account of the source. The staging folder holds patient-level rows and is
 * deleted however the ingest ends.
 */
public final class StandardIngest {
    private StandardIngest() {}

    public static IngestResult run(
            SourceAdapter adapter, AdapterOptions source, IngestOptions ingest, Progress progress)
            throws IOException, SQLException, UnusableInputException {
        if (!Files.exists(source.source())) {
            throw new UnusableInputException(
                    source.source().toString(),
                    0,
                    null,
                    "does not exist",
                    "give the folder (or, for OMOP, the .duckdb database) of the " + adapter.format() + " source");
        }
        Path workspace = ingest.workspace().toAbsolutePath();
        Files.createDirectories(workspace.getParent());
        Path staging = Files.createTempDirectory(workspace.getParent(), "." + workspace.getFileName() + ".staging-");
        try {
            RegisterMap registers =
                    source.registerMap() == null ? RegisterMap.shipped() : RegisterMap.read(source.registerMap());
            Geography geography = Geography.copy(source.geography(), staging);
            if (source.defaultPractice() != null && !geography.hasPractice(source.defaultPractice())) {
                throw new UnusableInputException(
                        "--default-practice",
                        0,
                        null,
                        "'" + source.defaultPractice() + "' is not a practice of the geography",
                        "give one of the practice codes in "
                                + source.geography().resolve("practice.csv"));
            }
            SourceTranslation translation;
            try (CanonicalFiles files = new CanonicalFiles(staging)) {
                Translating t = new Translating(
                        files,
                        WorkspacePseudonyms.forAdapter(workspace),
                        geography,
                        registers,
                        source.defaultPractice());
                progress.message("translating " + source.source() + " (" + adapter.format() + ")");
                adapter.translate(source, t);
                for (Table table : CanonicalSchema.TABLES) {
                    if (table.kind() == TableKind.PATIENT_LEVEL && table.mandatory()) {
                        files.touch(table);
                    }
                }
                t.tally()
                        .policy("conditions: SNOMED CT codes are put on registers by the register map ("
                                + String.join(
                                        "; ",
                                        registers
                                                .header()
                                                .subList(
                                                        Math.min(
                                                                1,
                                                                registers
                                                                        .header()
                                                                        .size()),
                                                        registers.header().size()))
                                + "); a person's records on one register make one entry, from the first");
                translation = t.tally().build(adapter.format(), source.source().toAbsolutePath());
            }
            for (String table : translation.sourceTables()) {
                progress.message(String.format("%s: %,d rows read", table, translation.read(table)));
            }
            return Ingest.run(ingest.translated(staging, translation), progress);
        } finally {
            PathUtils.deleteDirectory(staging);
        }
    }
}
