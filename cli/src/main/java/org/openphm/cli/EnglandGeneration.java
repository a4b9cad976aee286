package org.openphm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.model.Progress;
import org.openphm.synth.SynthOptions;
import org.openphm.synth.england.EnglandDefinitions;
import org.openphm.synth.england.EnglandIcbs.Icb;
import org.openphm.synth.icb.SyntheticIcbDefinition;
import org.openphm.synth.population.PopulationFlow;

/**
 * A synthetic England ({@code phm generate --england}): each ICB's definition written to {@code definitions/}, then
 * the ICB generated from it into its own partition folder {@code icb=<code>/} (the layout Spark, DuckDB and Hive
 * read as a table partitioned by ICB), one ICB after another, so memory is one ICB's at most.
 *
 * <p>ICBs are one England: their people are numbered on from the ICBs before them in England's order (NHS numbers,
 * person ids and activity ids never repeat), whichever ICBs a run generates; each ICB draws from its own seed. A
 * partition is written under a temporary name and renamed when whole, and a finished one is kept on a run again
 * with the same settings, so a stopped run resumes at the ICB it stopped in.
 */
final class EnglandGeneration {
    static final String DEFINITIONS = "definitions";
    static final String MANIFEST = "england.csv";
    /** An ICB's partition folder is this and its code; while it is being written, with {@link #PARTIAL} after. */
    static final String PARTITION = "icb=";

    static final String PARTIAL = ".partial";

    private EnglandGeneration() {}

    /** What one ICB's partition holds and how long it took (a kept one: the run that wrote it). */
    record Partition(
            Icb icb, String shape, long peopleDrawn, long firstPerson, long rows, Duration took, boolean kept) {}

    /**
     * @param england every ICB of England in order (numbers are counted over all of them)
     * @param only    the codes of the ICBs to generate, empty for all
     */
    static List<Partition> generate(
            Path out,
            List<Icb> england,
            Set<String> only,
            long seed,
            SyntheticData.Format format,
            boolean rawNhsNumbers,
            int threads,
            Progress progress)
            throws Exception {
        for (String code : only) {
            if (england.stream().noneMatch(i -> i.code().equals(code))) {
                throw new IllegalArgumentException("--icbs names " + code + ", which is not one of England's 42 ICBs ("
                        + String.join(", ", england.stream().map(Icb::code).toList()) + ")");
            }
        }
        Path definitions = out.resolve(DEFINITIONS);
        Files.createDirectories(definitions);
        List<Partition> partitions = new ArrayList<>();
        long firstPerson = 0;
        int chosen = only.isEmpty() ? england.size() : only.size();
        for (Icb icb : england) {
            long drawn = new PopulationFlow(icb.registeredPatients()).total();
            if (only.isEmpty() || only.contains(icb.code())) {
                progress.message(String.format(
                        "ICB %d of %d: %s, %s, %,d patients (%s's shape)",
                        partitions.size() + 1,
                        chosen,
                        icb.code(),
                        icb.regionName(),
                        icb.registeredPatients(),
                        EnglandDefinitions.shapeOf(icb)));
                partitions.add(partition(
                        out, definitions, icb, drawn, firstPerson, seed, format, rawNhsNumbers, threads, progress));
            }
            firstPerson += drawn;
        }
        writeManifest(out.resolve(MANIFEST), partitions);
        return partitions;
    }

    private static Partition partition(
            Path out,
            Path definitions,
            Icb icb,
            long drawn,
            long firstPerson,
            long seed,
            SyntheticData.Format format,
            boolean rawNhsNumbers,
            int threads,
            Progress progress)
            throws Exception {
        long icbSeed = seed ^ (icb.number() * 0x9E3779B97F4A7C15L);
        String stamp = String.format(
                "seed=%d patients=%d first_person=%d format=%s nhs_numbers=%b%n",
                icbSeed, icb.registeredPatients(), firstPerson, format, rawNhsNumbers);
        Path folder = out.resolve(PARTITION + icb.code());
        Path done = definitions.resolve(icb.code() + ".done");
        if (Files.isDirectory(folder)) {
            List<String> earlier = Files.isRegularFile(done) ? Files.readAllLines(done) : List.of();
            if (earlier.size() == 3 && (earlier.get(0) + "\n").equals(stamp)) {
                progress.message("  kept: " + folder + " was generated with these settings by an earlier run");
                return new Partition(
                        icb,
                        EnglandDefinitions.shapeOf(icb),
                        drawn,
                        firstPerson,
                        Long.parseLong(earlier.get(1)),
                        Duration.ofMillis(Long.parseLong(earlier.get(2))),
                        true);
            }
            throw new IllegalStateException(folder + " was generated with other settings (or not finished): delete it"
                    + " or choose another --out");
        }
        long started = System.nanoTime();
        Path file = EnglandDefinitions.write(icb, definitions);
        SyntheticIcbDefinition definition = SyntheticIcbDefinition.load(file.toString());
        Path partial = out.resolve(PARTITION + icb.code() + PARTIAL);
        CheckedPublish.deleteTree(partial);
        Map<String, Long> rows = SyntheticData.generate(
                partial,
                new SynthOptions(
                        icb.registeredPatients(), icbSeed, rawNhsNumbers, null, definition, threads, firstPerson),
                format,
                progress);
        Files.move(partial, folder);
        long written = rows.values().stream().mapToLong(Long::longValue).sum();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // the settings, then what the partition holds and how long it took, for a later run that keeps it
        Files.writeString(done, stamp + written + "\n" + took.toMillis() + "\n");
        return new Partition(icb, EnglandDefinitions.shapeOf(icb), drawn, firstPerson, written, took, false);
    }

    private static void writeManifest(Path file, List<Partition> partitions) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("icb_number,icb_code,region_code,region_name,shape,registered_patients,people_drawn,"
                    + "first_person_number,rows_written,seconds");
            for (Partition p : partitions) {
                out.printf(
                        "%d,%s,%s,%s,%s,%d,%d,%d,%d,%s%n",
                        p.icb().number(),
                        p.icb().code(),
                        p.icb().regionCode(),
                        p.icb().regionName(),
                        p.shape(),
                        p.icb().registeredPatients(),
                        p.peopleDrawn(),
                        p.firstPerson(),
                        p.rows(),
                        String.format("%.1f", p.took().toMillis() / 1000.0));
            }
        }
    }
}
