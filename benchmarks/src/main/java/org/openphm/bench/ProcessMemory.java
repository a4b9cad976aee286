package org.openphm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks say of memory: the process's own high-water mark, Java heap and DuckDB's native memory. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** The process's high-water resident set (Linux VmHWM), heap and native (DuckDB, XGBoost) together; 0 elsewhere. */
    public static long peakResidentBytes() {
        return kilobytes("/proc/self/status", "VmHWM:") * 1024;
    }

    /** The machine's memory (Linux MemTotal); 0 elsewhere. */
    public static long machineBytes() {
        return kilobytes("/proc/meminfo", "MemTotal:") * 1024;
    }

    /** A "Name: N kB" line of a Linux /proc file, or 0. */
    private static long kilobytes(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Resets the high-water mark, so the next {@link #peakResidentBytes} is the peak since now (Linux: writing 5 to
     * /proc/self/clear_refs). Elsewhere nothing happens and the peak stays the process's.
     */
    public static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux
        }
    }
}
