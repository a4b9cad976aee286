package org.openphm.synth;

/**
 * Options of one generation run.
 *
 * @param patients      people registered on the reference date 31 March 2025 (DP 1.2: 1,139,000); people who
 *                      left before it or joined after it are generated in addition
 * @param seed          fixes every random draw: the same seed gives byte-identical files
 * @param rawNhsNumbers write a synthetic NHS number (column nhs_number) instead of person_id, as real
 *                      extracts arrive before ingest pseudonymises them
 */
public record SynthOptions(long patients, long seed, boolean rawNhsNumbers) {
    public static final long BLMK_PATIENTS = 1_139_000;

    public SynthOptions {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be positive: " + patients);
        }
    }

    public static SynthOptions blmk(long seed) {
        return new SynthOptions(BLMK_PATIENTS, seed, true);
    }
}
