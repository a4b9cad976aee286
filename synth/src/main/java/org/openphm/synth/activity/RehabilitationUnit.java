package org.openphm.synth.activity;

import java.time.LocalDate;
import java.time.Month;
import java.util.SplittableRandom;
import org.openphm.synth.Seeds;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Rehabilitation pathway 2 (DP 8.16): a 19-bed intermediate care unit ("WICU" in the data pack) that takes older
 * people from one acute site's emergency wards to rehabilitate before they go home (the ICB definition's
 * rehabilitation_unit names the site, the trust and the unit's site code). A stay follows the acute
 * spell the day it ends, as its own spell: admission method "other" (a transfer), treatment function 314
 * (rehabilitation), the unit's site code. About 300 stays a year fill 19 beds at about 85% with a mean stay of 20 days, a
 * month longer in July and August 2024 (DP 8.16: "average length of stay highest in Jul-24 and Aug-24"). The
 * decision and the stay use their own random stream (person and day), so the acute activity is untouched; the
 * unit's cost per bed day is a plausible community-bed figure, not a published one.
 */
final class RehabilitationUnit {
    private RehabilitationUnit() {}

    static final String TREATMENT_FUNCTION = "314";
    static final String DIAGNOSIS = "Z509"; // care involving use of rehabilitation procedure, unspecified
    static final double COST_PER_DAY = 300;
    /** Share of the acute site's emergency discharges aged 65+ (stay 2+ days, alive) who go to the unit. */
    static final double SHARE = 0.04;

    static final double MEAN_STAY = 20, SUMMER_2024_STAY = 27;
    private static final int STREAM = 98;

    record Stay(LocalDate admitted, int plannedDays) {}

    /** @param unit the ICB's unit, or null where it has none */
    static Stay admit(
            SyntheticIcbDefinition.RehabilitationUnit unit,
            SyntheticPerson person,
            int age,
            Site site,
            Discharge acute) {
        if (unit == null
                || !unit.fromSite().equals(site.code())
                || age < 65
                || acute.date() == null
                || acute.died()
                || acute.stay() < 2) {
            return null;
        }
        SplittableRandom r = Seeds.forPerson(person.index(), acute.date().toEpochDay(), STREAM);
        if (r.nextDouble() >= SHARE) {
            return null;
        }
        LocalDate from = acute.date();
        boolean summer2024 =
                from.getYear() == 2024 && (from.getMonth() == Month.JULY || from.getMonth() == Month.AUGUST);
        return new Stay(from, Math.max(1, LengthOfStay.draw(r, summer2024 ? SUMMER_2024_STAY : MEAN_STAY, 2.0)));
    }
}
