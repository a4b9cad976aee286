package org.openphm.synth;

import java.util.SplittableRandom;

/**
 * Random streams derived from (seed, person index, stream): stream 0 draws the person, stream k + 1 the k-th
 * activity model. Each person's draws depend on nothing else, so output does not depend on batching or
 * threads, and adding a model never changes another's draws.
 */
public final class Seeds {
    private Seeds() {}

    public static SplittableRandom forPerson(long seed, long index, int stream) {
        long z = mix(seed ^ 0x5DEECE66DL);
        z = mix(z + index * 0x9E3779B97F4A7C15L);
        z = mix(z + (stream + 1L) * 0xD1B54A32D192ED03L);
        return new SplittableRandom(z);
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
