package org.openphm.synth;

import java.nio.file.Path;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Options of one generation run.
 *
 * @param patients      people registered on the reference date 31 March 2025; people who left before it or
 *                      joined after it are generated in addition
 * @param seed          fixes every random draw: the same seed gives byte-identical files
 * @param rawNhsNumbers write a synthetic NHS number (column nhs_number) instead of person_id, as real
 *                      extracts arrive before ingest pseudonymises them
 * @param ceiling       when not null, the file to which each person's true expected emergency admissions and
 *                      probability of one or more are written per financial year (the risk model's ceiling,
 *                      issue 11); never a canonical table and never read by ingest
 * @param icb           the ICB the population is shaped like: its geography, sites, providers and targets
 * @param threads       threads that draw people, 0 for every processor; the files are the same for any number.
 *                      With more than one, activity models run on several people at once (see PersonActivity)
 * @param firstPerson   the number of this population's first person in a larger whole generated together (England's
 *                      ICBs), 0 for a population on its own: NHS numbers, person ids and activity ids are counted from
 *                      it, so no identifier repeats across the whole
 */
public record SynthOptions(
        long patients,
        long seed,
        boolean rawNhsNumbers,
        Path ceiling,
        SyntheticIcbDefinition icb,
        int threads,
        long firstPerson) {

    public SynthOptions {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be positive: " + patients);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (every processor) or more: " + threads);
        }
        if (firstPerson < 0) {
            throw new IllegalArgumentException("firstPerson must be 0 or more: " + firstPerson);
        }
        if (icb == null) {
            icb = SyntheticIcbDefinition.defaultIcb();
        }
    }

    /** A population on its own: identifiers counted from 0. */
    public SynthOptions(
            long patients, long seed, boolean rawNhsNumbers, Path ceiling, SyntheticIcbDefinition icb, int threads) {
        this(patients, seed, rawNhsNumbers, ceiling, icb, threads, 0);
    }

    /**
     * One thread draws people: a caller's own activity models were written when they ran one person at a time, so
     * running them on several threads at once is asked for explicitly (phm generate does).
     */
    public SynthOptions(long patients, long seed, boolean rawNhsNumbers, Path ceiling, SyntheticIcbDefinition icb) {
        this(patients, seed, rawNhsNumbers, ceiling, icb, 1);
    }

    /** The threads that draw people: as asked, or every processor the JVM may use. */
    public int drawingThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The built-in default ICB. */
    public SynthOptions(long patients, long seed, boolean rawNhsNumbers, Path ceiling) {
        this(patients, seed, rawNhsNumbers, ceiling, null);
    }

    public SynthOptions(long patients, long seed, boolean rawNhsNumbers) {
        this(patients, seed, rawNhsNumbers, null, null);
    }
}
