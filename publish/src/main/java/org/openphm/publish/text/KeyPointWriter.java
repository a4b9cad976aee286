package org.openphm.publish.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.openphm.model.Comparison;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.Wholes;

/**
 * Writes the plain-English key points under a chart from the chart's own (published, disclosure-controlled)
 * figures: highest and lowest area, significance against England and the ICB, direction and significance
 * of trend, biggest changes, growth to the projection horizon. Nothing is hand-typed, so a data refresh
 * rewrites every sentence.
 */
public final class KeyPointWriter {

    public List<String> write(Chart chart) {
        // Java 17 has no pattern switch; the sealed Chart keeps this chain exhaustive in review.
        if (chart instanceof Chart.Bars b) {
            return bars(b);
        }
        if (chart instanceof Chart.Lines l) {
            return l.projection() ? projection(l) : trend(l);
        }
        if (chart instanceof Chart.Pyramid p) {
            return pyramid(p);
        }
        if (chart instanceof Chart.Heatmap h) {
            return heatmap(h);
        }
        if (chart instanceof Chart.Spc s) {
            return spc(s);
        }
        if (chart instanceof Chart.Flows f) {
            return flows(f);
        }
        if (chart instanceof Chart.Waterfall w) {
            return waterfall(w);
        }
        return table((Chart.Table) chart);
    }

    /**
     * Movements between states: how many of the people who were in a state that still exists stayed in it, and
     * the largest movement from one state to another. Arrivals and departures (a state on one side only) count
     * toward neither.
     */
    static List<String> flows(Chart.Flows f) {
        java.util.Set<String> after = new java.util.HashSet<>();
        f.flows().forEach(x -> after.add(x.to()));
        java.util.Set<String> before = new java.util.HashSet<>();
        f.flows().forEach(x -> before.add(x.from()));
        double stayed = 0;
        double moved = 0;
        Chart.Flow largest = null;
        for (Chart.Flow x : f.flows()) {
            if (!after.contains(x.from()) || !before.contains(x.to())) {
                continue;
            }
            if (x.from().equals(x.to())) {
                stayed += x.value();
            } else {
                moved += x.value();
                if (largest == null || x.value() > largest.value()) {
                    largest = x;
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (stayed + moved > 0) {
            out.add(String.format(
                    java.util.Locale.UK,
                    "%.1f%% of the people in a group at both dates were in the "
                            + "same group at the second (%,.0f stayed, %,.0f moved).",
                    100 * stayed / (stayed + moved),
                    stayed,
                    moved));
        }
        if (largest != null) {
            out.add(String.format(
                    java.util.Locale.UK,
                    "The largest movement: %,.0f people from %s to %s.",
                    largest.value(),
                    largest.from(),
                    largest.to()));
        }
        return out;
    }

    /**
     * A waterfall: where it starts and ends, named by its first and last steps ("2024/25 baseline"), and the
     * largest step each way. Steps printed at the same figure are named together.
     */
    static List<String> waterfall(Chart.Waterfall w) {
        Chart.Step first = w.steps().get(0);
        Chart.Step last = w.steps().get(w.steps().size() - 1);
        List<String> out = new ArrayList<>();
        out.add("From " + w.figure(first) + " (" + first.label() + ") to " + w.figure(last) + " (" + last.label()
                + "): " + change(first.value(), last.value(), w.unit()) + ".");
        List<Chart.Step> changes = w.steps().stream()
                .filter(s -> s.kind() == Chart.StepKind.CHANGE)
                .toList();
        List<String> largest = new ArrayList<>();
        largestStep(w, changes.stream().filter(s -> s.value() > 0).toList(), "step up")
                .ifPresent(largest::add);
        largestStep(w, changes.stream().filter(s -> s.value() < 0).toList(), "step down")
                .ifPresent(largest::add);
        if (!largest.isEmpty()) {
            String joined = String.join("; ", largest);
            out.add(Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".");
        }
        return out;
    }

    /** "largest step up: Demographic growth (+24,100)", or "only step up: ..." when there is one. */
    private static java.util.Optional<String> largestStep(Chart.Waterfall w, List<Chart.Step> steps, String what) {
        if (steps.isEmpty()) {
            return java.util.Optional.empty();
        }
        double size = steps.stream().mapToDouble(s -> Math.abs(s.value())).max().orElseThrow();
        String printed = ValueFormat.signed(Math.copySign(size, steps.get(0).value()), w.unit());
        List<Chart.Step> top =
                steps.stream().filter(s -> w.figure(s).equals(printed)).toList();
        return java.util.Optional.of((steps.size() == 1 ? "only " : "largest ") + what + ": "
                + names(top, Chart.Step::label) + " (" + printed + ")");
    }

    private static List<String> bars(Chart.Bars b) {
        List<String> out = new ArrayList<>();
        List<Chart.Bar> valued =
                b.bars().stream().filter(x -> x.value() != null).toList();
        // The resolver has made the wholes (England, the ICB beside its Places, "All") reference lines.
        Extremes.of(valued, Chart.Bar::label, Chart.Bar::value, v -> ValueFormat.withUnit(v, b.unit()))
                .ifPresent(e -> out.add("Highest: " + names(e.highest(), Chart.Bar::label) + " (" + e.high()
                        + "); lowest: " + names(e.lowest(), Chart.Bar::label) + " (" + e.low() + ")."));
        String against = b.comparedTo();
        Double referenceValue = b.references().stream()
                .filter(r -> r.label().equals(against))
                .map(Chart.Reference::value)
                .findFirst()
                .orElse(null);
        String comparator = against == null
                ? null
                : referenceValue == null
                        ? against
                        : against + " (" + ValueFormat.withUnit(referenceValue, b.unit()) + ")";
        List<String> similar = new ArrayList<>();
        // One sentence per verdict, naming every bar that has it: a breakdown by twenty age bands must not
        // become twenty sentences.
        java.util.Map<Comparison, List<Chart.Bar>> byVerdict = new java.util.EnumMap<>(Comparison.class);
        for (Chart.Bar bar : valued) {
            if (against == null) {
                break;
            }
            if (bar.comparison().significant()) {
                byVerdict
                        .computeIfAbsent(bar.comparison(), k -> new ArrayList<>())
                        .add(bar);
            } else if (bar.comparison() == Comparison.SIMILAR) {
                similar.add(bar.label());
            }
        }
        String level = b.ciLevel() + " CI";
        byVerdict.forEach((verdict, bars) -> out.add("Significantly " + phrase(verdict) + " "
                + (referenceValue == null
                        ? against + " (" + level + ")"
                        : against + " (" + ValueFormat.withUnit(referenceValue, b.unit()) + "; " + level + ")")
                + ": "
                + join(bars.stream()
                        .map(x -> bars.size() <= 4
                                ? x.label() + " (" + ValueFormat.withUnit(x.value(), b.unit()) + ")"
                                : x.label())
                        .toList())
                + "."));
        if (!similar.isEmpty()) {
            out.add(join(similar) + (similar.size() == 1 ? " is" : " are") + " not significantly different from "
                    + comparator + ".");
        }
        long suppressed = b.bars().stream().filter(x -> x.value() == null).count();
        if (suppressed > 0) {
            out.add(suppressed + " value" + (suppressed == 1 ? " is" : "s are")
                    + " suppressed to protect confidentiality.");
        }
        return out;
    }

    private static String phrase(Comparison c) {
        return switch (c) {
            case BETTER -> "better than";
            case WORSE -> "worse than";
            case HIGHER -> "higher than";
            case LOWER -> "lower than";
            default -> "similar to";
        };
    }

    /**
     * A trend: for each area (or unit) being read, its level and change in the terms an analyst would use —
     * the last twelve months against the twelve before for a monthly series, first to last period with the
     * largest year-on-year move otherwise — then which is highest and lowest now. With more than four lines,
     * only the highest and lowest are described one by one.
     */
    private static List<String> trend(Chart.Lines l) {
        List<Chart.Series> focus = l.series().stream()
                .filter(s -> s.role() == Chart.SeriesRole.FOCUS)
                .toList();
        int now = latestShared(focus);
        List<Chart.Series> described = focus;
        String ranking = null;
        Extremes<Chart.Series> e = now < 0
                ? null
                : Extremes.of(
                                focus,
                                Chart.Series::name,
                                s -> s.values().get(now),
                                v -> ValueFormat.withUnit(v, l.unit()))
                        .orElse(null);
        if (e != null) {
            ranking = "In " + l.x().get(now) + ", highest: " + names(e.highest(), Chart.Series::name) + " (" + e.high()
                    + "); lowest: " + names(e.lowest(), Chart.Series::name) + " (" + e.low() + ").";
            if (focus.size() > 4) {
                described = List.of(e.highest().get(0), e.lowest().get(0));
            }
        }
        boolean monthly = !l.x().isEmpty()
                && l.x().stream().allMatch(x -> MONTH.matcher(x).matches());
        List<String> out = new ArrayList<>();
        for (Chart.Series s : described) {
            int first = firstValued(s.values());
            if (first < 0) {
                out.add(s.name() + ": no published values.");
                continue;
            }
            out.add(monthly ? MonthlySeries.sentence(s, l) : periods(s, l));
        }
        if (ranking != null) {
            out.add(ranking);
        }
        against(l, focus, now).ifPresent(out::add);
        return out;
    }

    /**
     * One series read against its benchmarks at the latest point: "In 2025-06, achievement 62.1% against threshold
     * 80.0%, regional 88.3% and national 74.8%." A benchmark is a standard, not a rival, so it is never ranked.
     */
    private static java.util.Optional<String> against(Chart.Lines l, List<Chart.Series> focus, int now) {
        List<Chart.Series> benchmarks = l.series().stream()
                .filter(s -> s.role() == Chart.SeriesRole.BENCHMARK)
                .toList();
        if (focus.size() != 1
                || benchmarks.isEmpty()
                || now < 0
                || focus.get(0).values().get(now) == null) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Chart.Series b : benchmarks) {
            Double v = b.values().get(now);
            if (v != null) {
                parts.add(b.name().toLowerCase(java.util.Locale.ROOT) + " " + ValueFormat.withUnit(v, l.unit()));
            }
        }
        if (parts.isEmpty()) {
            return java.util.Optional.empty();
        }
        String list = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return java.util.Optional.of(
                "In " + l.x().get(now) + ", " + focus.get(0).name().toLowerCase(java.util.Locale.ROOT) + " "
                        + ValueFormat.withUnit(focus.get(0).values().get(now), l.unit()) + " against " + list + ".");
    }

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

    /** The newest period at which any focus series has a value; -1 if none. */
    private static int latestShared(List<Chart.Series> focus) {
        int best = -1;
        for (Chart.Series s : focus) {
            best = Math.max(best, lastValued(s.values()));
        }
        return best;
    }

    /** Yearly (or other) periods: latest, change since the first and its significance, the largest move. */
    private static String periods(Chart.Series s, Chart.Lines l) {
        List<Double> v = s.values();
        int first = firstValued(v);
        int last = lastValued(v);
        StringBuilder line = new StringBuilder(s.name())
                .append(": ")
                .append(ValueFormat.withUnit(v.get(last), l.unit()))
                .append(" in ")
                .append(l.x().get(last));
        if (last > first) {
            // the unit is said once per sentence ("4.7 DSR per 100 in 2025/26, from 3.2 in 2019/20")
            line.append(", from ")
                    .append(ValueFormat.sameDigits(v.get(first), l.unit()))
                    .append(" in ")
                    .append(l.x().get(first))
                    .append(" (")
                    .append(change(v.get(first), v.get(last), l.unit()));
            String significance = intervalsCompared(s, first, last);
            if (significance != null) {
                line.append(", ").append(significance);
            }
            line.append(')');
        }
        if (s.recentTrend() != null) {
            line.append("; recent trend: ").append(trendPhrase(s.recentTrend()));
        }
        line.append('.');
        // with several lines the largest move of each is detail the chart shows; with one it is the story
        String move = l.series().stream()
                                .filter(x -> x.role() == Chart.SeriesRole.FOCUS)
                                .count()
                        == 1
                ? largestMove(s, l)
                : null;
        if (move != null) {
            line.append(' ').append(move);
        }
        return line.toString();
    }

    /** A change in a percentage is in percentage points ("+0.8 points"); in anything else, relative ("+9%"). */
    private static String change(double from, double to, String unit) {
        if ("%".equals(unit)) {
            return points(to - from);
        }
        return from == 0 ? ValueFormat.signed(to - from, unit) : ValueFormat.percentChange(from, to);
    }

    private static String points(double d) {
        String n = ValueFormat.digits(Math.abs(d), "%").replaceAll("\\.0$", "");
        return (d >= 0 ? "+" : "\u2212") + n + (n.equals("1") ? " percentage point" : " percentage points");
    }

    /**
     * Whether the first and last 95% intervals overlap. Intervals that do not overlap mean a significant
     * difference; overlapping ones do not prove there is none, so the words say only what the test shows.
     */
    private static String intervalsCompared(Chart.Series s, int first, int last) {
        Double lo1 = s.lower().get(first);
        Double hi1 = s.upper().get(first);
        Double lo2 = s.lower().get(last);
        Double hi2 = s.upper().get(last);
        if (lo1 == null || hi1 == null || lo2 == null || hi2 == null) {
            return null;
        }
        return lo2 > hi1 || lo1 > hi2 ? "95% CIs do not overlap: significant" : "95% CIs overlap";
    }

    /** The largest change between consecutive published periods, when there are at least four. */
    private static String largestMove(Chart.Series s, Chart.Lines l) {
        List<Double> v = s.values();
        int from = -1;
        double best = 0;
        long valued = v.stream().filter(Objects::nonNull).count();
        for (int i = 1; i < v.size(); i++) {
            if (v.get(i) != null && v.get(i - 1) != null) {
                double d = v.get(i) - v.get(i - 1);
                if (from < 0 || Math.abs(d) > Math.abs(best)) {
                    from = i - 1;
                    best = d;
                }
            }
        }
        if (valued < 4 || from < 0 || best == 0) {
            return null;
        }
        boolean years = l.x().stream().allMatch(x -> x.matches("\\d{4}(/\\d{2})?"));
        return "Largest " + (years ? "year-on-year" : "period-to-period") + " change: "
                + ("%".equals(l.unit()) ? points(best) : ValueFormat.signed(best, l.unit()))
                + " between " + l.x().get(from) + " and " + l.x().get(from + 1) + ".";
    }

    /** Fingertips' "Increasing"/"Decreasing" already mean a significant trend; say so. */
    static String trendPhrase(String recentTrend) {
        String t = recentTrend.toLowerCase(Locale.ROOT);
        if (t.startsWith("increasing") || t.startsWith("decreasing")) {
            return t.contains("significant") ? t : "significantly " + t;
        }
        return t;
    }

    /**
     * Growth of each line to the horizon, the whole (all ages, the ICB) first as the headline; then the largest
     * rises among the parts only: the ICB's rise beside its Places' is their sum, not a rival.
     */
    private static List<String> projection(Chart.Lines l) {
        record Growth(String name, boolean part, double from, double to, String fromX, String toX) {
            double relative() {
                return (to - from) / from;
            }

            double absolute() {
                return to - from;
            }
        }
        List<Growth> growth = new ArrayList<>();
        for (Chart.Series s : l.series()) {
            int first = firstValued(s.values());
            int last = lastValued(s.values());
            if (s.role() != Chart.SeriesRole.ENGLAND
                    && first >= 0
                    && last > first
                    && s.values().get(first) != 0) {
                growth.add(new Growth(
                        s.name(),
                        s.role() == Chart.SeriesRole.FOCUS,
                        s.values().get(first),
                        s.values().get(last),
                        l.x().get(first),
                        l.x().get(last)));
            }
        }
        growth.sort(Comparator.comparing(Growth::part));
        List<Growth> parts = growth.stream().filter(Growth::part).toList();
        // Nested groups (65+ and 80+) are not rivals: 80+ is part of 65+, so each is described and none ranked.
        boolean nested = AgeGroups.overlap(parts.stream().map(Growth::name).toList());
        List<String> out = new ArrayList<>();
        for (Growth g : growth.size() <= 3 || nested
                ? growth
                : growth.stream().filter(g -> !g.part()).toList()) {
            out.add(g.name() + ": " + ValueFormat.withUnit(g.from(), l.unit()) + " in " + g.fromX() + " to "
                    + ValueFormat.withUnit(g.to(), l.unit()) + " in " + g.toX() + " ("
                    + ValueFormat.percentChange(g.from(), g.to()) + " by " + g.toX() + ").");
        }
        if (nested) {
            return out;
        }
        Extremes.of(parts, Growth::name, Growth::relative, r -> ValueFormat.percentChange(1, 1 + r))
                .ifPresent(e -> out.add("Largest relative rise: " + names(e.highest(), Growth::name) + " (" + e.high()
                        + " by " + e.highest().get(0).toX() + ")."));
        Extremes.of(parts, Growth::name, Growth::absolute, a -> ValueFormat.signed(a, l.unit()))
                .ifPresent(e -> out.add("Largest absolute rise: " + names(e.highest(), Growth::name) + " (" + e.high()
                        + " by " + e.highest().get(0).toX() + ")."));
        return out;
    }

    private static List<String> pyramid(Chart.Pyramid p) {
        double male = p.male().stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
        double female = p.female().stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sum();
        List<String> out = new ArrayList<>();
        double total = male + female;
        if (total <= 0) {
            return out;
        }
        // The bands are published rounded, so their sum is not the published total (DP 1.2 printed "Total:
        // 1,153,215" beside a table of 1,153,210): a large sum is given to the nearest hundred, as "about".
        String sum = total >= 10_000
                ? "about " + ValueFormat.withUnit((double) Math.round(total / 100) * 100, p.unit())
                : ValueFormat.withUnit(total, p.unit());
        out.add("Total: " + sum + ", of whom " + ValueFormat.number(female / total * 100) + "% female.");
        double older = 0;
        for (int i = 0; i < p.bands().size(); i++) {
            if (lowerAge(p.bands().get(i)) >= 65) {
                older += nz(p.male().get(i)) + nz(p.female().get(i));
            }
        }
        if (older > 0) {
            out.add("Aged 65 and over: " + ValueFormat.number(older / total * 100) + "%.");
        }
        int largest = 0;
        for (int i = 1; i < p.bands().size(); i++) {
            if (nz(p.male().get(i)) + nz(p.female().get(i))
                    > nz(p.male().get(largest)) + nz(p.female().get(largest))) {
                largest = i;
            }
        }
        out.add("Largest age band: " + p.bands().get(largest) + ".");
        return out;
    }

    /** The lower bound of an age band label such as "65-69", "65–69" or "90+"; -1 if not an age band. */
    static int lowerAge(String band) {
        StringBuilder digits = new StringBuilder();
        for (char c : band.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (digits.length() > 0) {
                break;
            }
        }
        return digits.length() == 0 ? -1 : Integer.parseInt(digits.toString());
    }

    private static List<String> heatmap(Chart.Heatmap h) {
        return h.comorbidity() ? comorbidity(h) : matrix(h);
    }

    /** Any other matrix: its highest cell, named by row and column. */
    private static List<String> matrix(Chart.Heatmap h) {
        record Cell(String name, Double value) {}
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < h.rows().size(); r++) {
            for (int c = 0; c < h.columns().size(); c++) {
                cells.add(new Cell(
                        h.rows().get(r) + " \u2013 " + h.columns().get(c),
                        h.values().get(r).get(c)));
            }
        }
        return Extremes.of(cells, Cell::name, Cell::value, v -> ValueFormat.withUnit(v, h.unit()))
                .map(e -> "Highest: "
                        + (e.highest().size() <= 4
                                ? names(e.highest(), Cell::name) + " (" + e.high() + ")"
                                : e.high() + " in " + e.highest().size() + " cells")
                        + ".")
                .stream()
                .toList();
    }

    /** A comorbidity matrix: the strongest association, a share of people with one condition. */
    private static List<String> comorbidity(Chart.Heatmap h) {
        double best = Double.NEGATIVE_INFINITY;
        String text = null;
        for (int r = 0; r < h.rows().size(); r++) {
            for (int c = 0; c < h.columns().size(); c++) {
                Double v = h.values().get(r).get(c);
                // The diagonal is a condition with itself (100%): not a finding.
                if (v != null && !h.rows().get(r).equals(h.columns().get(c)) && v > best) {
                    best = v;
                    text = "Highest: " + ValueFormat.withUnit(v, h.unit()) + " of people with "
                            + h.rows().get(r) + " also have " + h.columns().get(c) + ".";
                }
            }
        }
        return text == null ? List.of() : List.of(text);
    }

    private static List<String> spc(Chart.Spc s) {
        List<String> out = new ArrayList<>();
        int last = lastValued(s.values());
        if (last >= 0) {
            out.add("Latest: " + ValueFormat.withUnit(s.values().get(last), s.unit()) + " in " + s.x().get(last)
                    + (s.target() == null ? "" : " against a target of " + ValueFormat.withUnit(s.target(), s.unit()))
                    + ".");
        }
        long outside = 0;
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            Double lo = s.lower().get(i);
            Double hi = s.upper().get(i);
            if (v != null && ((lo != null && v < lo) || (hi != null && v > hi))) {
                outside++;
            }
        }
        out.add(outside + " of " + s.values().size() + " points outside the process limits.");
        String variation = VariationSentence.of(s);
        if (variation != null) {
            out.add(variation);
        }
        if (s.assurance() != null) {
            out.add(s.assurance().label() + ".");
        }
        return out;
    }

    /** The top of a ranked table, among the rows that are parts: a total or a parent area is not a rival. */
    private static List<String> table(Chart.Table t) {
        DataTable source = t.source();
        if (!t.ranked() || t.rankColumn() == null || t.labelColumn() == null || !source.has(t.labelColumn())) {
            return List.of();
        }
        List<String> key = rowKey(source, t.labelColumn());
        Wholes wholes = Wholes.of(source, key);
        List<List<String>> parts =
                source.rows().stream().filter(r -> !wholes.whole(r)).toList();
        Function<List<String>, String> name = r -> {
            String label = source.get(r, t.labelColumn());
            List<String> more = key.subList(1, key.size()).stream()
                    .map(c -> source.get(r, c))
                    .toList();
            return more.isEmpty() ? label : label + ", " + String.join(", ", more);
        };
        return Extremes.of(parts, name, r -> source.number(r, t.rankColumn()), v -> ValueFormat.withUnit(v, t.unit()))
                .map(e -> "Highest " + ColumnLabel.inSentence(t.rankColumn()) + ": " + names(e.highest(), name) + " ("
                        + e.high() + ").")
                .stream()
                .toList();
    }

    /**
     * The columns that name a row: the label, then as many of the other text columns that vary as it takes
     * for each row to have its own name. A provider's spend within each category is named "RWK, mental health",
     * never "mental health" or "RWK" alone, which would stand for a total it is not.
     */
    private static List<String> rowKey(DataTable t, String label) {
        List<String> key = new ArrayList<>(List.of(label));
        for (String c : t.columns()) {
            if (distinctKeys(t, key) == t.rows().size()) {
                break;
            }
            if (!key.contains(c) && t.isText(c) && t.distinct(c).size() > 1) {
                key.add(c);
            }
        }
        return key;
    }

    private static long distinctKeys(DataTable t, List<String> columns) {
        return t.rows().stream()
                .map(r -> columns.stream().map(c -> String.valueOf(t.get(r, c))).toList())
                .distinct()
                .count();
    }

    /** "A", "A and B": the items tied at a value, by name. */
    private static <T> String names(List<T> items, Function<T, String> name) {
        return join(items.stream().map(name).toList());
    }

    private static int firstValued(List<Double> v) {
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    static int lastValued(List<Double> v) {
        for (int i = v.size() - 1; i >= 0; i--) {
            if (v.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    /** "A", "A and B", "A, B and C". */
    static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
