package org.openphm.synth.feeds;

import java.time.YearMonth;
import java.util.SplittableRandom;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * What every feed is generated from: the seed, the ICB, and the population scale (patients over the registered
 * population its tables' population-proportional figures belong to).
 *
 * @param scale patients over the registered population of the ICB whose tables the feeds are built from
 */
record FeedContext(long seed, long patients, SyntheticIcbDefinition icb, double scale) {

    /** The months the monthly feeds cover: 2023/24 to the first half of 2025/26 (30 months, enough for SPC). */
    static final YearMonth FIRST_MONTH = YearMonth.of(2023, 4);

    static final YearMonth LAST_MONTH = YearMonth.of(2025, 9);

    FeedContext {
        if (patients <= 0) {
            throw new IllegalArgumentException("patients must be positive: " + patients);
        }
    }

    /** The seed's feeds for an ICB of {@code patients}. */
    FeedContext(long seed, long patients, SyntheticIcbDefinition icb) {
        this(seed, patients, icb, (double) patients / tablesOf(icb).registeredPatients());
    }

    /**
     * The ICB whose published tables the feeds are built from (this ICB's own, or the ICB it borrows them from):
     * a borrowed table's staff and spend are per patient of the ICB it was published for. (Before 7 December the
     * scale was over this ICB's own size, so a Northmoor of 620,000 had BLMK's workforce.)
     */
    private static SyntheticIcbDefinition tablesOf(SyntheticIcbDefinition icb) {
        return icb.feeds() == null
                ? icb
                : SyntheticIcbDefinition.load(icb.feeds().source());
    }

    /**
     * An independent stream per feed, so adding or changing one feed never changes another's output for the
     * same seed.
     */
    SplittableRandom random(String feed) {
        long h = seed;
        for (char c : feed.toCharArray()) {
            h = h * 1_000_003L + c;
        }
        return new SplittableRandom(h ^ 0x9E3779B97F4A7C15L);
    }

    static int monthCount() {
        return (int) (FIRST_MONTH.until(LAST_MONTH, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    static YearMonth month(int index) {
        return FIRST_MONTH.plusMonths(index);
    }
}
