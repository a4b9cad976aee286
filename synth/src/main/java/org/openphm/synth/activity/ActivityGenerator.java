package org.openphm.synth.activity;

import java.io.IOException;
import java.util.SplittableRandom;
import org.openphm.model.FinancialYear;
import org.openphm.synth.PersonActivity;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The synthetic activity model: for each person, year by year from 2019/20 to 2025/26, their referrals to
 * community and mental health services (with the waiting-list snapshots they imply), hospital spells and
 * Mental Health Act detentions, written at once to the referral, waiting_entry, spell and detention tables
 * (with person_id or nhs_number as the run's TableSinks write it).
 *
 * <p>Everything comes from rates of use per person-year that depend on age, sex, Place, deprivation,
 * ethnicity, condition registers and latent health; the rates are calibrated once, at construction, so the
 * expected counts are the data pack's — over the census of the generated population if one is given, else
 * over the built-in reference population (ReferencePopulation). Draws use only the generator handed in for
 * the person, so output is deterministic for a seed. The models are read-only after construction.
 */
public final class ActivityGenerator implements PersonActivity {

    private final ReferralModel referrals;
    private final SpellModel spells;
    private final DetentionModel detentions;

    /** The default ICB's activity, calibrated on the built-in reference population. */
    public ActivityGenerator() {
        this(SyntheticIcbDefinition.defaultIcb(), null);
    }

    /**
     * @param census the generated population counted beforehand (see {@link Census}), so that rates are
     *               calibrated on it and its ICB
     */
    public ActivityGenerator(Census census) {
        this(census.icb(), census);
    }

    /**
     * @param icb    whose sites, providers and targets the activity has
     * @param census the generated population counted beforehand, or null to calibrate on the built-in
     *               reference population
     */
    public ActivityGenerator(SyntheticIcbDefinition icb, Census census) {
        ReferencePopulation reference = new ReferencePopulation(icb, census);
        this.referrals = new ReferralModel(reference, ReferralService.load());
        this.spells = new SpellModel(reference);
        this.detentions = new DetentionModel(reference);
    }

    @Override
    public void emit(SyntheticPerson person, SplittableRandom rng, TableSinks sinks) throws IOException {
        ActivityOutput out = new ActivityOutput(sinks, person);
        for (int y = ActivitySpan.FIRST; y <= ActivitySpan.LAST; y++) {
            Exposure x = Exposure.of(person, new FinancialYear(y));
            if (x == null) {
                continue;
            }
            referrals.emit(person, x, rng, out);
            spells.emit(person, x, rng, out);
            detentions.emit(person, x, rng, out);
        }
    }
}
