package org.openphm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The optional {@code --report FILE} of the benchmark commands: the printed table, also kept in a file. */
final class BenchReport {
    private BenchReport() {}

    /** Writes the text when a report file was asked for (creating its folder), and says where. */
    static void write(Path report, String text) throws IOException {
        if (report == null) {
            return;
        }
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println("Wrote " + report.toAbsolutePath());
    }

    static void write(Path report, java.util.List<String> lines) throws IOException {
        write(report, String.join(System.lineSeparator(), lines) + System.lineSeparator());
    }

    /** What a {@code print(PrintStream)} writes, as text. */
    static String printed(java.util.function.Consumer<java.io.PrintStream> print) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        print.accept(new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
