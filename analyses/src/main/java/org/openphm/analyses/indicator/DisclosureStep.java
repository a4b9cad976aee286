package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.model.AreaType;
import org.openphm.model.Totals;
import org.openphm.stats.sdc.Cell;
import org.openphm.stats.sdc.DisclosureControl;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.stats.sdc.Grouping;
import org.openphm.stats.sdc.ProtectedCell;

/**
 * Statistical disclosure control of indicator results before they are published.
 *
 * <p>Protection is decided on the counted cells, not on the indicators computed from them, so that every
 * indicator built on a cell (a crude rate and its age-standardised twin, or a DSR with no crude twin such as
 * self-harm) is published under the same decision. Within one counted indicator and period, a breakdown's
 * cells form a table whose margins are the headline cell (all categories) and the geography (England = its
 * regions, region = its ICBs, ICB = its Places, Place = its neighbourhoods, ...): counts of 1-7 are suppressed,
 * enough other cells are suppressed that no hidden count can be recovered from a margin, and the rest are rounded.
 *
 * <p>Values published beside rounded counts must not give the exact count back (a value times a published
 * denominator would). Crude values (proportions, crude rates), their confidence limits, comparisons and trends
 * are therefore computed from the published, rounded count and denominator, in the spirit of OpenSAFELY's output
 * rules (docs.opensafely.org, "Releasing files": statistics are recalculated after redaction so that what was
 * hidden cannot be inferred from them). A directly standardised rate is a weighted sum over age bands whose counts are never published,
 * so it is computed from the unrounded bands and cannot be divided back into a count.
 */
public final class DisclosureStep {

    private final Geography geography;
    private final DisclosureRule rule;
    private final List<Grouping> groupings;

    public DisclosureStep(Geography geography, DisclosureRule rule) {
        this.geography = geography;
        this.rule = rule;
        this.groupings = groupings();
    }

    /** How every counted cell may be published. */
    public Map<CellKey, ProtectedCell> protect(Map<CellKey, AgeBandCounts> cells) {
        // (indicator, period) -> breakdown -> cells; the headline cells belong to every breakdown's table.
        Map<String, Map<Breakdown, List<CellKey>>> tables = new LinkedHashMap<>();
        for (CellKey k : cells.keySet()) {
            tables.computeIfAbsent(k.indicatorId() + "|" + k.period(), x -> new LinkedHashMap<>())
                    .computeIfAbsent(k.breakdown(), x -> new ArrayList<>())
                    .add(k);
        }
        Map<CellKey, ProtectedCell> protections = new HashMap<>();
        for (Map<Breakdown, List<CellKey>> byBreakdown : tables.values()) {
            List<CellKey> headline = byBreakdown.getOrDefault(Breakdown.NONE, List.of());
            Set<Breakdown> breakdowns = new LinkedHashSet<>(byBreakdown.keySet());
            breakdowns.remove(Breakdown.NONE);
            if (breakdowns.isEmpty()) {
                List<ProtectedCell> out = protectTable(headline, cells, Set.of(), Set.of());
                for (int i = 0; i < headline.size(); i++) {
                    protections.put(headline.get(i), out.get(i));
                }
            } else {
                protectBreakdowns(headline, byBreakdown, breakdowns, cells, protections);
            }
        }
        return protections;
    }

    /**
     * The tables of one indicator and period, one per breakdown, all sharing the headline cells. A headline hidden
     * in one table must be hidden in every other, or there it is the sum of its published categories (its count
     * hidden beside the age bands, given back by its sexes). So the tables are protected again, with the headlines
     * hidden anywhere hidden from the start, until they agree; hiding only grows, so this ends (in practice after
     * a second round for the few tables concerned).
     */
    private void protectBreakdowns(
            List<CellKey> headline,
            Map<Breakdown, List<CellKey>> byBreakdown,
            Set<Breakdown> breakdowns,
            Map<CellKey, AgeBandCounts> cells,
            Map<CellKey, ProtectedCell> protections) {
        String[] headlineIds = headline.stream().map(DisclosureStep::cellId).toArray(String[]::new);
        Set<String> hiddenCounts = new HashSet<>();
        Set<String> hiddenDenominators = new HashSet<>();
        Map<Breakdown, List<CellKey>> tables = new LinkedHashMap<>();
        Map<Breakdown, List<ProtectedCell>> results = new LinkedHashMap<>();
        for (Breakdown b : breakdowns) {
            List<CellKey> table = new ArrayList<>(headline);
            table.addAll(byBreakdown.get(b));
            tables.put(b, table);
        }
        Set<Breakdown> pending = new LinkedHashSet<>(breakdowns);
        while (!pending.isEmpty()) {
            for (Breakdown b : pending) {
                results.put(b, protectTable(tables.get(b), cells, hiddenCounts, hiddenDenominators));
            }
            for (List<ProtectedCell> out : results.values()) {
                for (int i = 0; i < headline.size(); i++) {
                    if (out.get(i).countProtection().hidden()) {
                        hiddenCounts.add(headlineIds[i]);
                    }
                    if (out.get(i).denominatorProtection().hidden()) {
                        hiddenDenominators.add(headlineIds[i]);
                    }
                }
            }
            pending.clear();
            results.forEach((b, out) -> {
                for (int i = 0; i < headline.size(); i++) {
                    String id = headlineIds[i];
                    if ((hiddenCounts.contains(id)
                                    && !out.get(i).countProtection().hidden())
                            || (hiddenDenominators.contains(id)
                                    && !out.get(i).denominatorProtection().hidden())) {
                        pending.add(b);
                        return;
                    }
                }
            });
        }
        results.forEach((b, out) -> {
            List<CellKey> table = tables.get(b);
            for (int i = 0; i < table.size(); i++) {
                // the tables agree on which headlines are hidden; the first table's reason is kept
                protections.putIfAbsent(table.get(i), out.get(i));
            }
        });
    }

    private List<ProtectedCell> protectTable(
            List<CellKey> table,
            Map<CellKey, AgeBandCounts> cells,
            Set<String> hiddenCounts,
            Set<String> hiddenDenominators) {
        List<Cell> input = new ArrayList<>(table.size());
        for (CellKey k : table) {
            AgeBandCounts c = cells.get(k);
            input.add(new Cell(
                    cellId(k),
                    Math.round(c.numerator()),
                    Math.round(c.denominator()),
                    Map.of(
                            "area",
                            k.areaCode(),
                            "category",
                            k.breakdown() == Breakdown.NONE ? Totals.ALL : k.category())));
        }
        return DisclosureControl.apply(input, groupings, rule, hiddenCounts, hiddenDenominators);
    }

    /**
     * The published rows of one indicator: suppressed cells withheld, the rest with rounded counts and, for crude
     * indicators, values computed from those rounded counts.
     */
    public List<IndicatorRow> publish(
            IndicatorSpec spec,
            IndicatorCalculator calculator,
            Map<CellKey, AgeBandCounts> cells,
            Map<CellKey, ProtectedCell> protections) {
        return publish(spec, calculator, calculator.keyedRows(spec, cells), protections);
    }

    private List<IndicatorRow> publish(
            IndicatorSpec spec,
            IndicatorCalculator calculator,
            List<IndicatorCalculator.Keyed> exact,
            Map<CellKey, ProtectedCell> protections) {
        Map<CellKey, IndicatorRow> fromRounded = new HashMap<>();
        if (!spec.standardised()) {
            Map<CellKey, AgeBandCounts> rounded = new HashMap<>();
            for (IndicatorCalculator.Keyed k : exact) {
                ProtectedCell p = protection(protections, k.key());
                if (p.derivedValuesPublishable()) {
                    AgeBandCounts c = new AgeBandCounts();
                    // A crude value needs only the totals, so one band holds them.
                    c.add(0, p.publishedCount(), publishedDenominator(p));
                    rounded.put(k.key(), c);
                }
            }
            for (IndicatorCalculator.Keyed k : calculator.keyedRows(spec, rounded)) {
                fromRounded.put(k.key(), k.row());
            }
        }
        List<IndicatorRow> out = new ArrayList<>(exact.size());
        for (IndicatorCalculator.Keyed k : exact) {
            ProtectedCell p = protection(protections, k.key());
            if (!p.derivedValuesPublishable()) {
                out.add(withheld(k.row(), p));
            } else if (spec.standardised()) {
                out.add(rounded(
                        k.row(),
                        p,
                        "the age-standardised value is computed from unrounded age-band counts,"
                                + " which are not published"));
            } else {
                out.add(rounded(
                        fromRounded.get(k.key()),
                        p,
                        "the value and its limits are computed from the " + "rounded counts"));
            }
        }
        return out;
    }

    /** The rows of indicators, exact (for analysts only) and as published. */
    public record Rows(List<IndicatorRow> exact, List<IndicatorRow> published) {}

    /** The rows of many indicators sharing one family of cells: {@link #protect}, then {@link #publish} each. */
    public Rows publish(List<IndicatorSpec> specs, IndicatorCalculator calculator, Map<CellKey, AgeBandCounts> cells) {
        Map<CellKey, ProtectedCell> protections = protect(cells);
        // each indicator reads only its own cells: a family's specs would otherwise each pass over all of them
        Map<String, Map<CellKey, AgeBandCounts>> byIndicator = new HashMap<>();
        cells.forEach((k, c) -> byIndicator
                .computeIfAbsent(k.indicatorId(), x -> new HashMap<>())
                .put(k, c));
        List<IndicatorRow> exact = new ArrayList<>();
        List<IndicatorRow> published = new ArrayList<>();
        for (IndicatorSpec spec : specs) {
            List<IndicatorCalculator.Keyed> keyed =
                    calculator.keyedRows(spec, byIndicator.getOrDefault(IndicatorCalculator.baseId(spec), Map.of()));
            keyed.forEach(k -> exact.add(k.row()));
            published.addAll(publish(spec, calculator, keyed, protections));
        }
        return new Rows(exact, published);
    }

    private static ProtectedCell protection(Map<CellKey, ProtectedCell> protections, CellKey key) {
        ProtectedCell p = protections.get(key);
        if (p == null) {
            // Every row comes from a counted cell, and every counted cell is protected: this is a defect.
            throw new IllegalStateException("no disclosure decision for cell " + cellId(key));
        }
        return p;
    }

    private long publishedDenominator(ProtectedCell p) {
        return p.publishedDenominator() != null
                ? p.publishedDenominator()
                : rule.round(p.cell().denominator());
    }

    private IndicatorRow withheld(IndicatorRow r, ProtectedCell p) {
        String why = "Suppressed (" + p.reason().name().toLowerCase()
                + " disclosure control: counts of 1-" + rule.suppressAtOrBelow()
                + " are not published, nor values a hidden count can be worked out from)";
        return new IndicatorRow(
                r.indicatorId(),
                r.indicatorName(),
                r.section(),
                r.areaCode(),
                r.areaName(),
                r.areaType(),
                r.parentCode(),
                r.period(),
                r.sex(),
                r.age(),
                r.categoryType(),
                r.category(),
                p.suppressed() ? null : (double) p.publishedCount(),
                publishedDenominatorOrNull(p),
                null,
                null,
                null,
                null,
                null,
                IndicatorCalculator.NOT_COMPARED,
                IndicatorCalculator.NOT_COMPARED,
                null,
                why,
                IndicatorCalculator.NOT_COMPARED,
                IndicatorCalculator.NOT_COMPARED);
    }

    private IndicatorRow rounded(IndicatorRow r, ProtectedCell p, String valueNote) {
        return new IndicatorRow(
                r.indicatorId(),
                r.indicatorName(),
                r.section(),
                r.areaCode(),
                r.areaName(),
                r.areaType(),
                r.parentCode(),
                r.period(),
                r.sex(),
                r.age(),
                r.categoryType(),
                r.category(),
                (double) p.publishedCount(),
                publishedDenominatorOrNull(p),
                r.value(),
                r.lowerCi95(),
                r.upperCi95(),
                r.lowerCi998(),
                r.upperCi998(),
                r.comparedToEngland(),
                r.comparedToParent(),
                r.recentTrend(),
                join(r.note(), "counts rounded to the nearest " + rule.roundTo() + "; " + valueNote),
                r.comparedToEngland998(),
                r.comparedToParent998());
    }

    private static Double publishedDenominatorOrNull(ProtectedCell p) {
        return p.denominatorProtection().hidden() || p.publishedDenominator() == null
                ? null
                : (double) p.publishedDenominator();
    }

    /** Each level of the geography adds up to its parent. */
    private List<Grouping> groupings() {
        List<Grouping> out = new ArrayList<>();
        out.add(Grouping.margin("category", Totals.ALL));
        // England and its regions are parents only when ICBs are built together (phm build-england)
        for (AreaType parentType : List.of(
                AreaType.ENGLAND,
                AreaType.REGION,
                AreaType.ICB,
                AreaType.PLACE,
                AreaType.NEIGHBOURHOOD,
                AreaType.PCN)) {
            for (Geography.Area parent : geography.areas(parentType)) {
                List<String> children = new ArrayList<>();
                for (Geography.Area child : geography.areas(childType(parentType))) {
                    if (parent.code().equals(child.parentCode())) {
                        children.add(child.code());
                    }
                }
                if (!children.isEmpty()) {
                    out.add(Grouping.of("area", parent.code(), children.toArray(String[]::new)));
                }
            }
        }
        return out;
    }

    private static AreaType childType(AreaType t) {
        return switch (t) {
            case ENGLAND -> AreaType.REGION;
            case REGION -> AreaType.ICB;
            case ICB -> AreaType.PLACE;
            case PLACE -> AreaType.NEIGHBOURHOOD;
            case NEIGHBOURHOOD -> AreaType.PCN;
            default -> AreaType.PRACTICE;
        };
    }

    private static String cellId(CellKey k) {
        return k.indicatorId() + "|" + k.period() + "|" + k.areaCode() + "|" + k.breakdown() + "|" + k.category();
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
