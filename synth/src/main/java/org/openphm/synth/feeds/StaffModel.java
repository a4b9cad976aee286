package org.openphm.synth.feeds;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.openphm.synth.feeds.Calibration.StaffGroup;
import org.openphm.synth.feeds.Calibration.Unit;

/**
 * The community and mental health workforce (DP 12.3-12.6): the staff in post at the census (31 March 2025) with
 * exactly the DP 12.4 headcount per unit and, by quota, the DP's staff-group, band, sex, ethnicity and age mix;
 * plus leavers month by month from April 2022 to September 2025 at {@link Calibration#monthlyLeaverPercent}, each
 * replaced in the same month by a starter in the same post, so headcount stays at the census level and turnover
 * is leavers over a steady headcount.
 */
final class StaffModel {
    private StaffModel() {}

    static final YearMonth FIRST_LEAVER_MONTH = YearMonth.of(2022, 4);
    private static final double MEAN_TENURE_YEARS = 5;

    static List<StaffMember> build(FeedContext ctx) {
        SplittableRandom rng = ctx.random("workforce");
        List<StaffMember> census = census(ctx, rng);
        List<StaffMember> all = new ArrayList<>();
        int nextId = census.size();
        long headcount = census.size();
        // Staff of the census who took over a leaver's post, by index; everybody else started before April 2022.
        List<Integer> notYetReplacements = new ArrayList<>();
        for (int i = 0; i < census.size(); i++) {
            notYetReplacements.add(i);
        }
        Noise.shuffle(notYetReplacements, rng);
        List<Integer> notYetLeavers = new ArrayList<>(notYetReplacements);
        Noise.shuffle(notYetLeavers, rng);
        YearMonth censusMonth = YearMonth.from(Calibration.WORKFORCE_CENSUS);
        double cumulative = 0;
        long given = 0;
        for (YearMonth m = FIRST_LEAVER_MONTH; !m.isAfter(FeedContext.LAST_MONTH); m = m.plusMonths(1)) {
            cumulative += Calibration.monthlyLeaverPercent(m) / 100 * headcount;
            long leavers = Math.round(cumulative) - given;
            given += leavers;
            for (long k = 0; k < leavers; k++) {
                LocalDate leave = day(m, rng);
                if (!m.isAfter(censusMonth)) {
                    // The census holder of a post started the day its previous holder left.
                    int replacement = notYetReplacements.remove(notYetReplacements.size() - 1);
                    StaffMember post = census.get(replacement);
                    census.set(replacement, post.withStart(leave));
                    all.add(post.successor(staffId(nextId++), tenureBefore(leave, rng))
                            .withLeave(leave));
                } else {
                    int leaver = notYetLeavers.remove(notYetLeavers.size() - 1);
                    StaffMember s = census.get(leaver);
                    census.set(leaver, s.withLeave(leave));
                    all.add(s.successor(staffId(nextId++), leave));
                }
            }
        }
        for (int i : notYetReplacements) {
            census.set(
                    i,
                    census.get(i)
                            .withStart(tenureBefore(FIRST_LEAVER_MONTH.atDay(1).minusDays(1), rng)));
        }
        all.addAll(0, census);
        return all;
    }

    private static List<StaffMember> census(FeedContext ctx, SplittableRandom rng) {
        List<Unit> units = Calibration.units();
        long[] perUnit = Noise.apportion(
                Math.round(units.stream().mapToInt(Unit::headcount).sum() * ctx.scale()),
                units.stream().mapToDouble(Unit::headcount).toArray());
        int total = (int) java.util.Arrays.stream(perUnit).sum();
        List<StaffGroup> groups = Calibration.STAFF_GROUPS;
        List<StaffGroup> groupOf = quota(
                total, groups, groups.stream().mapToDouble(StaffGroup::share).toArray(), rng);
        List<String> sexes = quota(
                total, List.of("F", "M"), new double[] {Calibration.SHARE_FEMALE, 1 - Calibration.SHARE_FEMALE}, rng);
        Map<String, Double> eth = new TreeMap<>(Calibration.STAFF_ETHNICITY);
        List<String> ethnicity = quota(
                total,
                List.copyOf(eth.keySet()),
                eth.values().stream().mapToDouble(Double::doubleValue).toArray(),
                rng);
        // Bands and ages depend on the staff group, so they are drawn by quota within each group.
        Map<StaffGroup, List<String>> bands = new java.util.HashMap<>();
        Map<StaffGroup, List<String>> ages = new java.util.HashMap<>();
        for (StaffGroup g : groups) {
            int n = (int) groupOf.stream().filter(x -> x == g).count();
            Map<String, Double> b = new TreeMap<>(g.bands());
            bands.put(
                    g,
                    b.isEmpty()
                            ? new ArrayList<>(java.util.Collections.nCopies(n, (String) null))
                            : quota(
                                    n,
                                    List.copyOf(b.keySet()),
                                    b.values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .toArray(),
                                    rng));
            ages.put(g, ages(n, g, rng));
        }
        List<StaffMember> staff = new ArrayList<>(total);
        int i = 0;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            for (long k = 0; k < perUnit[u]; k++, i++) {
                StaffGroup g = groupOf.get(i);
                double fte = rng.nextDouble() < 0.7 ? 1.0 : Noise.round(0.4 + 0.5 * rng.nextDouble(), 2);
                staff.add(new StaffMember(
                        staffId(i),
                        unit.organisation(),
                        unit.name(),
                        unit.serviceArea(),
                        g.name(),
                        bands.get(g).remove(bands.get(g).size() - 1),
                        ages.get(g).remove(ages.get(g).size() - 1),
                        sexes.get(i),
                        ethnicity.get(i),
                        fte,
                        Calibration.WORKFORCE_CENSUS,
                        null));
            }
        }
        return staff;
    }

    /**
     * Age bands of a group's staff. DP 12.5 gives, for each group, its share of all staff aged 55+ (and under 30);
     * with 20% of staff aged 55+ overall, a group's own 55+ share is 0.20 x its share of the 55+ / its share of staff.
     */
    private static List<String> ages(int n, StaffGroup g, SplittableRandom rng) {
        double over55 = Math.min(0.9, Calibration.SHARE_55_PLUS * g.shareOf55Plus() / g.share());
        double under30 = Math.min(0.9 - over55, Calibration.SHARE_UNDER_30 * g.shareOfUnder30() / g.share());
        double middle = 1 - over55 - under30;
        return quota(
                n,
                List.of("16-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65+"),
                new double[] {
                    under30 * 0.35,
                    under30 * 0.65,
                    middle * 0.2,
                    middle * 0.2,
                    middle * 0.2,
                    middle * 0.2,
                    middle * 0.2,
                    over55 * 0.6,
                    over55 * 0.3,
                    over55 * 0.1
                },
                rng);
    }

    /** Exactly apportioned labels in random order. */
    private static <T> List<T> quota(int n, List<T> labels, double[] weights, SplittableRandom rng) {
        long[] counts = Noise.apportion(n, weights);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < labels.size(); i++) {
            for (long k = 0; k < counts[i]; k++) {
                out.add(labels.get(i));
            }
        }
        Noise.shuffle(out, rng);
        return out;
    }

    private static LocalDate day(YearMonth m, SplittableRandom rng) {
        return m.atDay(1 + rng.nextInt(m.lengthOfMonth()));
    }

    /** A start date an exponentially distributed tenure before the given date (at least a month). */
    private static LocalDate tenureBefore(LocalDate d, SplittableRandom rng) {
        long days = 30 + (long) (-Math.log(1 - rng.nextDouble()) * MEAN_TENURE_YEARS * 365.25);
        return d.minusDays(Math.min(days, 45 * 365));
    }

    private static String staffId(int i) {
        return String.format("ESR%07d", i);
    }
}
