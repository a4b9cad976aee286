package org.openphm.synth;

import org.openphm.model.Progress;

/**
 * Reports a task's progress at every multiple of {@code every} people and at the end, as a person-by-person
 * loop does, however many people are done at once.
 */
record ProgressSteps(Progress progress, String task, long every, long total) {

    /** People from (exclusive count) to (inclusive count) are done. */
    void done(long from, long to) {
        for (long d = (from / every + 1) * every; d <= to && d < total; d += every) {
            progress.update(task, d, total);
        }
        if (to == total) {
            progress.update(task, total, total);
        }
    }
}
