package org.openphm.model;

import java.io.PrintStream;

/**
 * Shows progress on the terminal: a self-overwriting line on an interactive console, and otherwise (CI logs,
 * pipes) a plain line at most every few seconds per task, so logs stay readable.
 */
public final class ConsoleProgress implements Progress {
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private String lastTask = "";
    private long lastPrinted;
    private boolean lineOpen;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!interactive && task.equals(lastTask) && !finished && now - lastPrinted < LOG_INTERVAL_NANOS) {
            return;
        }
        String pct = total > 0 ? String.format(" (%3.0f%%)", 100.0 * done / total) : "";
        String counts = total > 0 ? String.format("%,d / %,d", done, total) : String.format("%,d", done);
        String line = String.format("[%s] %s: %s%s", elapsed(now), task, counts, pct);
        if (interactive) {
            out.print("\r" + line + "          ");
            lineOpen = true;
            if (finished) {
                out.println();
                lineOpen = false;
            }
        } else {
            out.println(line);
        }
        lastTask = task;
        lastPrinted = now;
    }

    @Override
    public synchronized void message(String text) {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println("[" + elapsed(System.nanoTime()) + "] " + text);
    }

    private String elapsed(long now) {
        long s = (now - started) / 1_000_000_000L;
        return String.format("%02d:%02d", s / 60, s % 60);
    }
}
