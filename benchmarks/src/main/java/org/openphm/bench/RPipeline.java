package org.openphm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openphm.analyses.qof.QofRegister;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.model.EthnicGroups;

/**
 * The idiomatic R data.table pipeline of benchmarks/r/qof_prevalence.R, run with Rscript: raw CSV in, a file of
 * QOF prevalence cells out. The script travels in this module's jar, so {@code phm bench} can run it wherever R is
 * installed; the register age bases and the ethnic-group mapping are handed to it from the model, as the
 * hand-written SQL reads them from the model, so both sides count the same things.
 */
final class RPipeline {
    private RPipeline() {}

    static final String SCRIPT = "qof_prevalence.R";
    static final String INSTALL_HINT = "apt-get install r-base-core r-cran-data.table";

    /** Why the pipeline cannot run here (no Rscript on PATH, or data.table does not load), or empty when it can. */
    static Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder(
                            "Rscript", "-e", "suppressPackageStartupMessages(library(data.table)); cat('ok')")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("Rscript did not answer within a minute");
            }
            if (p.exitValue() != 0 || !out.endsWith("ok")) {
                return Optional.of("R's data.table package does not load (" + firstLine(out) + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Rscript is not on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for R");
        }
    }

    /** The one-line message of a run without R: what is missing and how to install it. */
    static String skipMessage(String why) {
        return "Skipping the comparison with R: " + why + ". Install R and data.table with '" + INSTALL_HINT + "'.";
    }

    /**
     * Writes the script and its lookups into {@code work}, then runs it on the raw folder.
     *
     * @return how long Rscript took, start to exit: reading the CSVs, counting, limits and writing the cells
     * @throws IOException when the script fails (naming the log of its output, which may quote raw lines)
     */
    static Duration run(Path raw, Path work, Path cells) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path script = work.resolve(SCRIPT);
        try (InputStream in = RPipeline.class.getResourceAsStream("r/" + SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the R script is not among this jar's resources");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        writeLookups(work);
        Path log = work.resolve("rscript.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(
                        "Rscript",
                        script.toString(),
                        raw.toAbsolutePath().toString(),
                        work.toAbsolutePath().toString(),
                        cells.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = p.waitFor();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        if (exit != 0) {
            // not echoed: R's reader quotes the offending input line in its messages, and a raw line holds an
            // NHS number; the log stays beside the run's other files, with the data it came from
            throw new IOException("the R pipeline failed (exit " + exit + "); Rscript's output is in " + log
                    + " (it may quote input lines: keep it with the data)");
        }
        return took;
    }

    /** registers.csv and ethnic_groups.csv: the model's definitions, in the layout the script reads. */
    static void writeLookups(Path dir) throws IOException {
        List<String> registers = new ArrayList<>(List.of("register,indicator_id,min_age"));
        for (QofRegister r : QofRegisters.ALL) {
            registers.add(r.id() + "," + r.indicatorId() + "," + r.minAge());
        }
        Files.write(dir.resolve("registers.csv"), registers, StandardCharsets.UTF_8);
        List<String> ethnic = new ArrayList<>(List.of("ethnicity,ethnic_group"));
        for (char code = 'A'; code <= 'Z'; code++) {
            String group = EthnicGroups.broad(String.valueOf(code));
            if (!group.equals(EthnicGroups.NOT_STATED)) {
                ethnic.add(code + "," + group);
            }
        }
        Files.write(dir.resolve("ethnic_groups.csv"), ethnic, StandardCharsets.UTF_8);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
