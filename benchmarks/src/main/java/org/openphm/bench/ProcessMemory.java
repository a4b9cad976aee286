package org.openphm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks say of memory: the process's own high-water mark, Java heap and DuckDB's native memory. */
final class ProcessMemory {
    private ProcessMemory() {}

    /** The process's high-water resident set (Linux VmHWM), heap and native (DuckDB, XGBoost) together; 0 elsewhere. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
