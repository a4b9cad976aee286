package org.openphm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.SyntheticIcb;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/** Writes the whole synthetic ICB — people and their activity, aggregate feeds, comparators — to one folder. */
final class SyntheticData {
    private SyntheticData() {}

    enum Format {
        csv,
        parquet
    }

    /** The default synthetic ICB; rows written per table. */
    static Map<String, Long> generate(
            Path out, long patients, long seed, Format format, boolean rawNhsNumbers, Path ceiling, Progress progress)
            throws Exception {
        return generate(out, null, patients, seed, format, rawNhsNumbers, ceiling, progress);
    }

    /**
     * @param icb the synthetic ICB's definition, null for the default one
     * @return rows written per table
     */
    static Map<String, Long> generate(
            Path out,
            SyntheticIcbDefinition icb,
            long patients,
            long seed,
            Format format,
            boolean rawNhsNumbers,
            Path ceiling,
            Progress progress)
            throws Exception {
        return generate(out, icb, patients, seed, format, rawNhsNumbers, ceiling, 0, progress);
    }

    /** @param threads threads that draw people, 0 for every processor (the files are the same for any number) */
    static Map<String, Long> generate(
            Path out,
            SyntheticIcbDefinition icb,
            long patients,
            long seed,
            Format format,
            boolean rawNhsNumbers,
            Path ceiling,
            int threads,
            Progress progress)
            throws Exception {
        return generate(out, new SynthOptions(patients, seed, rawNhsNumbers, ceiling, icb, threads), format, progress);
    }

    /** One synthetic ICB as the options say, in {@code format}. */
    static Map<String, Long> generate(Path out, SynthOptions options, Format format, Progress progress)
            throws Exception {
        Files.createDirectories(out);
        Map<String, Long> rows = SyntheticIcb.generate(out, options, QofRegisters.ageLabels(), progress);
        if (format == Format.parquet) {
            progress.message("Converting to Parquet");
            ParquetConversion.convert(out, progress);
        }
        return rows;
    }
}
