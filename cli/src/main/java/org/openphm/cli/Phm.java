package org.openphm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The phm command: every job of OpenPHM, from synthetic data to the published pack. */
@Command(name = "phm", mixinStandardHelpOptions = true, version = "OpenPHM 0.1.0",
        description = "OpenPHM: population-health intelligence for NHS integrated care boards.%n"
                + "Start with 'phm demo': it generates a synthetic BLMK population, ingests it and builds the pack.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, BuildCommand.class,
                ServeCommand.class, CheckOutputsCommand.class, SchemaCommand.class, ExportCommand.class, BenchCommand.class, BenchApiCommand.class,
                CommandLine.HelpCommand.class})
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
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Users get one clear line and what to do; the stack trace only when asked for.
            cmd.getErr().println("phm " + cmd.getCommandName() + ": " + ex.getMessage());
            if (System.getenv("PHM_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set PHM_DEBUG=1 for details)");
            }
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
