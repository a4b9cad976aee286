package org.openphm.publish.pack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link PackWriter} wrote, for the command line's closing summary.
 *
 * @param chartProblems charts whose description did not fit the data (each is shown in the pack as a
 *                      visible problem note rather than failing the build)
 */
public record PackSummary(
        Path html,
        Path pdf,
        int sections,
        int items,
        int charts,
        int chartProblems,
        long htmlBytes,
        long pdfBytes,
        int pdfPages,
        Path summaryPdf,
        int summaryPages,
        Duration elapsed) {}
