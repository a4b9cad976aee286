package org.openphm.synth.activity;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.openphm.synth.PersonActivity;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/**
 * The synthetic activity model: for each person, year by year from 2019/20 to 2025/26, their referrals to
 * community and mental health services (with the waiting-list snapshots they imply), hospital spells and
 * Mental Health Act detentions, written at once to the referral, waiting_entry, spell and detention tables.
 *
 * <p>Everything comes from rates of use per person-year that depend on age, sex, Place, deprivation,
 * ethnicity, condition registers and latent health; the rates are calibrated once, at construction, so the
 * expected counts over the reference population are the data pack's (see ReferencePopulation). Draws use only
 * the generator handed in for the person, so output is deterministic for a seed.
 *
 * <p>Thread safety: the models are read-only after construction; the writers are the caller's.
 */
public final class ActivityGenerator implements PersonActivity, Closeable {

    private final ReferralModel referrals;
    private final SpellModel spells;
    private final DetentionModel detentions;
    private final ActivityWriters writers;

    /** Writes through the run's TableSinks, with pseudonymised person_id. */
    public ActivityGenerator() {
        this(false, null);
    }

    /**
     * @param rawNhsNumbers whether personKey is a raw NHS number; then the files carry {@code nhs_number} in
     *                      place of {@code person_id} and are opened by this generator in {@code outDir}
     * @param outDir        the run's output directory (needed only with raw NHS numbers)
     */
    public ActivityGenerator(boolean rawNhsNumbers, Path outDir) {
        this(null, rawNhsNumbers, outDir);
    }

    /**
     * @param census the generated population counted beforehand (see {@link Census}), so that rates are
     *               calibrated on it; null to calibrate on the built-in reference population
     */
    public ActivityGenerator(Census census, boolean rawNhsNumbers, Path outDir) {
        ReferencePopulation reference = new ReferencePopulation(census);
        this.referrals = new ReferralModel(reference, ReferralService.load());
        this.spells = new SpellModel(reference);
        this.detentions = new DetentionModel(reference);
        this.writers = new ActivityWriters(rawNhsNumbers, outDir);
    }

    @Override
    public void emit(SyntheticPerson person, SplittableRandom rng, TableSinks sinks) throws IOException {
        ActivityOutput out = new ActivityOutput(writers, sinks, person);
        for (int y = FinancialYear.FIRST; y <= FinancialYear.LAST; y++) {
            Exposure x = Exposure.of(person, new FinancialYear(y));
            if (x == null) {
                continue;
            }
            referrals.emit(person, x, rng, out);
            spells.emit(person, x, rng, out);
            detentions.emit(person, x, rng, out);
        }
    }

    /** Rows written to files this generator opened itself (raw NHS number runs); empty otherwise. */
    public Map<String, Long> ownRowCounts() {
        return writers.ownRowCounts();
    }

    /** Closes the files this generator opened itself (raw NHS number runs only; TableSinks closes the rest). */
    @Override
    public void close() throws IOException {
        writers.close();
    }
}
