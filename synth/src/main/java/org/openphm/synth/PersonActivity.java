package org.openphm.synth;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A model of the services a person uses (referrals, spells, detentions, waits), run once per generated
 * person right after the person is drawn, so generation streams and memory stays bounded. When people are drawn
 * on several threads ({@link SynthOptions#threads}), emit runs for several people at once, each with sinks of its
 * own: a model must then keep nothing from one person to the next.
 */
public interface PersonActivity {

    /**
     * Writes this person's activity rows.
     *
     * @param rng a generator seeded from (seed, person index) for this model alone, so adding a model never
     *            changes the draws of another
     */
    void emit(SyntheticPerson person, SplittableRandom rng, TableSinks sinks) throws IOException;
}
