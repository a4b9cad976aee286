package org.openphm.analyses.fidelity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.ingest.Ingest;
import org.openphm.ingest.IngestOptions;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;

/**
 * The synthetic BLMK workspace, built end to end (generate, ingest) once per test JVM, for the fidelity tests:
 * the data pack's published figures must come out of the analyses run on it.
 *
 * <p>Scale: system property {@code openphm.fidelity.patients} (default 60,000 so CI stays quick). Counts
 * are compared after scaling by {@link #scale()}; at full scale run
 * {@code mvn -pl analyses test -Dtest='*FidelityTest' -Dopenphm.fidelity.patients=1139000}.
 */
public final class SyntheticBlmk {
    private SyntheticBlmk() {}

    public static final long FULL_SIZE = 1_139_000;
    public static final long SEED = 20250331;

    private static Path workspace;
    private static final String CEILING = "ceiling.csv";

    public static long patients() {
        return Long.getLong("openphm.fidelity.patients", 60_000);
    }

    /** Multiply a published BLMK count by this to get the expected count in the synthetic workspace. */
    public static double scale() {
        return (double) patients() / FULL_SIZE;
    }

    public static synchronized Path workspace() throws Exception {
        if (workspace == null) {
            Path dir = Files.createTempDirectory("openphm-fidelity");
            dir.toFile().deleteOnExit();
            Path data = dir.resolve("data");
            // the risk model's ceiling goes beside the data folder, never into it (RiskCeilingFidelityTest)
            Map<String, Long> rows = SyntheticIcb.generate(
                    data,
                    new SynthOptions(patients(), SEED, true, dir.resolve(CEILING)),
                    QofRegisters.ageLabels(),
                    Progress.SILENT);
            if (rows.getOrDefault("patient", 0L) == 0) {
                throw new IllegalStateException("the generator wrote no patients: " + rows);
            }
            Path ws = dir.resolve("blmk.duckdb");
            Ingest.run(IngestOptions.of(data, ws, null), Progress.SILENT);
            workspace = ws;
        }
        return workspace;
    }

    /** The generator's true admission probabilities of the workspace's people (phm generate --ceiling). */
    public static Path ceiling() throws Exception {
        return workspace().resolveSibling(CEILING);
    }

    public static Engine engine() throws Exception {
        return DuckDbEngine.open(workspace());
    }
}
