package org.openphm.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.openphm.bench.BenchApiCommand;
import org.openphm.bench.BenchCommand;
import org.openphm.bench.BenchExplorerCommand;
import org.openphm.bench.BenchImpactCommand;
import org.openphm.bench.BenchIngestCommand;
import org.openphm.bench.BenchRCommand;
import org.openphm.bench.BenchRiskCommand;
import org.openphm.ingest.NhsNumber;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The phm command: every job of OpenPHM, from synthetic data to the published pack. */
@Command(
        name = "phm",
        mixinStandardHelpOptions = true,
        version = "OpenPHM 0.1.0",
        description = "OpenPHM: population-health intelligence for NHS integrated care boards.%n"
                + "Start with 'phm demo': it generates a built-in synthetic ICB, ingests it and builds the pack.",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            IngestCommand.class,
            RegisterMapCommand.class,
            FindCommand.class,
            BuildCommand.class,
            BuildEnglandCommand.class,
            ScenarioCommand.class,
            ServeCommand.class,
            CheckOutputsCommand.class,
            RiskCommand.class,
            SchemaCommand.class,
            ExportCommand.class,
            BenchCommand.class,
            BenchApiCommand.class,
            BenchExplorerCommand.class,
            BenchRiskCommand.class,
            BenchImpactCommand.class,
            BenchRCommand.class,
            BenchIngestCommand.class,
            BenchScaleCommand.class,
            AuditCommand.class,
            UserCommand.class,
            CohortCommand.class,
            ReidentifyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Phm implements Runnable {

    public static void main(String[] args) {
        // PDFBox announces at start-up that the 14 standard PDF fonts are not installed; the pack embeds its own
        // (DejaVu Sans), so this is noise in every build's output.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font.PDType1Font", "error");
        // The web server's start-up and shutdown lines; phm serve prints the addresses itself.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Phm());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> fail(cmd, ex));
        // picocli hands only Exceptions to the handler above and rethrows Errors (a native library that cannot be
        // loaded, memory exhausted), which would end the program in a raw stack trace: they are caught here.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                ParseResult last = parsed;
                while (last.hasSubcommand()) {
                    last = last.subcommand();
                }
                return fail(last.commandSpec().commandLine(), e);
            }
        });
        return cl;
    }

    /**
     * Users get one clear line and what to do; the stack trace only when asked for. The line is masked as a last
     * defence: a message from a library (a database error quoting a value) must not print an NHS number.
     */
    private static int fail(CommandLine cmd, Throwable t) {
        PrintWriter err = cmd.getErr();
        err.println("phm " + cmd.getCommandName() + ": " + NhsNumber.maskAll(explain(t)));
        if (System.getenv("PHM_DEBUG") != null) {
            t.printStackTrace(err);
        } else {
            err.println("(set PHM_DEBUG=1 for details)");
        }
        err.flush();
        return 1;
    }

    /** An exception's own message, or, for an Error (thrown as it is or wrapped), what happened and what to do. */
    static String explain(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Error e) {
                return explainError(e);
            }
        }
        return String.valueOf(t.getMessage());
    }

    private static String explainError(Error e) {
        if (e instanceof OutOfMemoryError) {
            return "Java ran out of memory (" + e.getMessage() + "; the limit is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): give it more with PHM_JAVA_OPTS=-Xmx8g (or a larger share: -XX:MaxRAMPercentage=60),"
                    + " or run on fewer patients";
        }
        if (e instanceof LinkageError && fromDuckDb(e)) {
            // DuckDB unpacks its native library into the temp folder on first use.
            return "DuckDB's native library could not be loaded (" + rootCause(e) + "): check that the temp folder"
                    + " (java.io.tmpdir=" + System.getProperty("java.io.tmpdir") + ") is writable and has space,"
                    + " or choose another with PHM_JAVA_OPTS=-Djava.io.tmpdir=DIR";
        }
        if (e instanceof LinkageError) {
            return "a library could not be loaded (" + rootCause(e) + "): the installation looks incomplete;"
                    + " rebuild it with 'mvn -DskipTests install' and run phm again";
        }
        return "internal error (" + rootCause(e) + "): run again with PHM_DEBUG=1 and report the output";
    }

    private static boolean fromDuckDb(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("duckdb")
                    || Arrays.stream(c.getStackTrace())
                            .anyMatch(f -> f.getClassName().startsWith("org.duckdb."))) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.toString();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
