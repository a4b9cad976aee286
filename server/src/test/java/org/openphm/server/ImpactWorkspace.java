package org.openphm.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * A small synthetic workspace for the scenario explorer's tests (the demo's seed, 20,000 people), generated and
 * ingested once per test JVM and shared by the API and browser tests, which would otherwise each spend the time.
 */
final class ImpactWorkspace {
    private ImpactWorkspace() {}

    static final long PATIENTS = 20_000;
    static final long SEED = 20250331;

    private static Path workspace;

    static synchronized Path get() throws Exception {
        if (workspace == null) {
            Path dir = Files.createTempDirectory("openphm-explorer");
            dir.toFile().deleteOnExit();
            Path data = dir.resolve("data");
            Map<String, Long> rows = SyntheticIcb.generate(
                    data, new SynthOptions(PATIENTS, SEED, true, null), QofRegisters.ageLabels(), Progress.SILENT);
            if (rows.getOrDefault("patient", 0L) == 0) {
                throw new IllegalStateException("the generator wrote no patients: " + rows);
            }
            Path ws = dir.resolve("phm.duckdb");
            Ingest.run(IngestOptions.of(data, ws, null), Progress.SILENT);
            workspace = ws;
        }
        return workspace;
    }
}
