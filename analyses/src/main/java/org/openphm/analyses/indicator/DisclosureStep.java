package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.stats.sdc.Cell;
import org.openphm.stats.sdc.DisclosureControl;
import org.openphm.stats.sdc.DisclosureRule;
import org.openphm.stats.sdc.Grouping;
import org.openphm.stats.sdc.ProtectedCell;

/**
 * Statistical disclosure control of tidy indicator rows before they are published. Within one indicator,
 * period and breakdown, the rows form a table whose margins are the headline row (all categories) and the
 * geography (ICB = its Places, Place = its neighbourhoods, ...): small counts are suppressed, enough other
 * cells are suppressed that no hidden count can be recovered from a margin, the rest are rounded, and values
 * computed from hidden counts are withheld. A standardised indicator follows its crude twin's cells.
 */
public final class DisclosureStep {

    private static final String ALL = "All";

    private final Geography geography;
    private final DisclosureRule rule;

    public DisclosureStep(Geography geography, DisclosureRule rule) {
        this.geography = geography;
        this.rule = rule;
    }

    public List<IndicatorRow> apply(List<IndicatorRow> rows) {
        Map<String, ProtectedCell> protections = new HashMap<>();
        Map<String, List<IndicatorRow>> tables = new LinkedHashMap<>();
        Map<String, List<String>> typesByIndicator = categoryTypes(rows);
        for (IndicatorRow r : rows) {
            if (r.indicatorId().endsWith("-dsr")) {
                continue;
            }
            // The headline row belongs to every breakdown's table: it is each one's margin.
            if (r.isHeadline()) {
                for (String type : typesByIndicator.get(r.indicatorId())) {
                    tables.computeIfAbsent(tableKey(r, type), k -> new ArrayList<>()).add(r);
                }
            } else {
                tables.computeIfAbsent(tableKey(r, r.categoryType()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Grouping> groupings = groupings();
        for (List<IndicatorRow> table : tables.values()) {
            List<Cell> cells = new ArrayList<>();
            for (IndicatorRow r : table) {
                cells.add(new Cell(cellId(r), Math.round(r.count()), Math.round(r.denominator()),
                        Map.of("area", r.areaCode(), "category", r.isHeadline() ? ALL : r.category())));
            }
            for (ProtectedCell p : DisclosureControl.apply(cells, groupings, rule)) {
                // A headline hidden in any of its tables stays hidden: hiding more never discloses.
                protections.merge(p.cell().id(), p, (a, b) -> a.suppressed() ? a : b);
            }
        }
        List<IndicatorRow> out = new ArrayList<>(rows.size());
        for (IndicatorRow r : rows) {
            ProtectedCell p = protections.get(cellId(r).replaceFirst("-dsr\\|", "|"));
            out.add(p == null ? r : protect(r, p));
        }
        return out;
    }

    private static IndicatorRow protect(IndicatorRow r, ProtectedCell p) {
        Double count = p.suppressed() ? null : (double) p.publishedCount();
        Double denominator = p.denominatorProtection().hidden() || p.publishedDenominator() == null
                ? null : (double) p.publishedDenominator();
        if (!p.derivedValuesPublishable()) {
            String why = "Suppressed (" + p.reason().name().toLowerCase()
                    + " disclosure control: counts of 1-7 are not published, nor values a hidden count can be worked out from)";
            return new IndicatorRow(r.indicatorId(), r.indicatorName(), r.section(), r.areaCode(), r.areaName(),
                    r.areaType(), r.parentCode(), r.period(), r.sex(), r.age(), r.categoryType(), r.category(),
                    count, denominator, null, null, null, null, null,
                    IndicatorCalculator.NOT_COMPARED, IndicatorCalculator.NOT_COMPARED, null, why,
                    IndicatorCalculator.NOT_COMPARED, IndicatorCalculator.NOT_COMPARED);
        }
        return new IndicatorRow(r.indicatorId(), r.indicatorName(), r.section(), r.areaCode(), r.areaName(),
                r.areaType(), r.parentCode(), r.period(), r.sex(), r.age(), r.categoryType(), r.category(), count,
                denominator, r.value(), r.lowerCi95(), r.upperCi95(), r.lowerCi998(), r.upperCi998(),
                r.comparedToEngland(), r.comparedToParent(), r.recentTrend(),
                join(r.note(), "counts rounded to the nearest 5; the value is computed before rounding"),
                r.comparedToEngland998(), r.comparedToParent998());
    }

    /** Each level of the geography adds up to its parent. */
    private List<Grouping> groupings() {
        List<Grouping> groupings = new ArrayList<>();
        groupings.add(Grouping.margin("category", ALL));
        for (AreaType parentType : List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN)) {
            for (Geography.Area parent : geography.areas(parentType)) {
                List<String> children = new ArrayList<>();
                for (Geography.Area child : geography.areas(childType(parentType))) {
                    if (parent.code().equals(child.parentCode())) {
                        children.add(child.code());
                    }
                }
                if (!children.isEmpty()) {
                    groupings.add(Grouping.of("area", parent.code(), children.toArray(String[]::new)));
                }
            }
        }
        return groupings;
    }

    private static AreaType childType(AreaType t) {
        return switch (t) {
            case ICB -> AreaType.PLACE;
            case PLACE -> AreaType.NEIGHBOURHOOD;
            case NEIGHBOURHOOD -> AreaType.PCN;
            default -> AreaType.PRACTICE;
        };
    }

    /** Indicator -> its category types, the headline's "" first. */
    private static Map<String, List<String>> categoryTypes(List<IndicatorRow> rows) {
        Map<String, List<String>> types = new HashMap<>();
        for (IndicatorRow r : rows) {
            List<String> list = types.computeIfAbsent(r.indicatorId(), k -> new ArrayList<>(List.of("")));
            if (!r.isHeadline() && !list.contains(r.categoryType())) {
                list.add(r.categoryType());
            }
        }
        return types;
    }

    private static String tableKey(IndicatorRow r, String categoryType) {
        return r.indicatorId() + "|" + r.period() + "|" + categoryType;
    }

    private static String cellId(IndicatorRow r) {
        return r.indicatorId() + "|" + r.period() + "|" + r.areaCode() + "|" + r.categoryType() + "|" + r.category();
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
