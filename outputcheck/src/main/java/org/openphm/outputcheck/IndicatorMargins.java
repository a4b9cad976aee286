package org.openphm.outputcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The margins a reader can difference in a published indicator file, and the values that must follow from the
 * published counts. Two margins: an area's headline row is the sum of its categories of one breakdown (sex,
 * age band, ethnic group, deprivation quintile), and a parent area's row is the sum of its children's rows (by
 * the file's parent code). A hidden count that is the only hidden member of such a margin is disclosed by
 * subtraction, whatever the rounding of the others; so is a hidden denominator.
 */
final class IndicatorMargins {

    /** The column names of one indicator file layout. */
    record Layout(
            String indicator,
            String period,
            String area,
            String parent,
            String categoryType,
            String category,
            String count,
            String denominator,
            String value) {
        static final Layout TIDY = new Layout(
                "indicator_id",
                "period",
                "area_code",
                "parent_code",
                "category_type",
                "category",
                "count",
                "denominator",
                "value");
        static final Layout FINGERTIPS = new Layout(
                "Indicator ID",
                "Time period",
                "Area Code",
                "Parent Code",
                "Category Type",
                "Category",
                "Count",
                "Denominator",
                "Value");
    }

    private record Member(long row, Double count, Double denominator, boolean reference) {}

    private IndicatorMargins() {}

    static void check(String file, PublishedTable t, Layout l, Declarations d, Consumer<Finding> out) {
        int ind = t.column(l.indicator());
        int per = t.column(l.period());
        int area = t.column(l.area());
        int parent = t.column(l.parent());
        int type = t.column(l.categoryType());
        int cat = t.column(l.category());
        int count = t.column(l.count());
        int den = t.column(l.denominator());
        int value = t.column(l.value());
        if (ind < 0 || per < 0 || area < 0 || parent < 0 || type < 0 || cat < 0 || count < 0 || den < 0 || value < 0) {
            out.accept(new Finding(file, 0, "", Rule.UNREADABLE, "not the indicator layout its name declares"));
            return;
        }
        // headline: (indicator, period, area) -> row; categories: (indicator, period, area, type) -> rows
        Map<String, Member> headline = new HashMap<>();
        Map<String, List<Member>> categories = new HashMap<>();
        // geography: (indicator, period, type, category, area) -> row; children by (..., parent)
        Map<String, Member> byArea = new HashMap<>();
        Map<String, List<Member>> children = new HashMap<>();
        long rowNumber = 0;
        for (String[] r : t.rows()) {
            rowNumber++;
            Double c = PublishedTable.number(r[count]);
            Double dn = PublishedTable.number(r[den]);
            Double v = PublishedTable.number(r[value]);
            // A value with neither count nor denominator is a published comparator (England), not a hidden cell.
            Member m = new Member(rowNumber, c, dn, c == null && dn == null && v != null);
            String base = r[ind] + "|" + r[per];
            String categoryType = r[type] == null ? "" : r[type];
            if (categoryType.isEmpty()) {
                headline.put(base + "|" + r[area], m);
            } else {
                categories
                        .computeIfAbsent(base + "|" + r[area] + "|" + categoryType, k -> new ArrayList<>())
                        .add(m);
            }
            String slice = base + "|" + categoryType + "|" + r[cat];
            byArea.put(slice + "|" + r[area], m);
            if (r[parent] != null) {
                children.computeIfAbsent(slice + "|" + r[parent], k -> new ArrayList<>())
                        .add(m);
            }
            valueFromCounts(file, rowNumber, r[ind], c, dn, v, l.value(), d, out);
        }
        categories.forEach((key, parts) -> {
            Member total = headline.get(key.substring(0, key.lastIndexOf('|')));
            margin(file, total, parts, "its area's headline row and its other categories", l, out);
        });
        children.forEach((key, parts) ->
                margin(file, byArea.get(key), parts, "its parent area and the parent's other" + " children", l, out));
    }

    private static void margin(
            String file, Member total, List<Member> parts, String what, Layout l, Consumer<Finding> out) {
        if (total == null || total.reference()) {
            return;
        }
        List<Member> members = new ArrayList<>(parts);
        members.add(total);
        members.removeIf(Member::reference);
        lonelyHidden(file, members, Member::count, l.count(), what, out);
        lonelyHidden(file, members, Member::denominator, l.denominator(), what, out);
    }

    private static void lonelyHidden(
            String file,
            List<Member> members,
            java.util.function.Function<Member, Double> f,
            String column,
            String what,
            Consumer<Finding> out) {
        Member hidden = null;
        for (Member m : members) {
            if (f.apply(m) == null) {
                if (hidden != null) {
                    return;
                }
                hidden = m;
            }
        }
        if (hidden != null && members.size() > 1) {
            out.accept(new Finding(
                    file,
                    hidden.row(),
                    column,
                    Rule.DIFFERENCING,
                    "the only hidden " + column + " in a margin: " + what + " are published"));
        }
    }

    /** A crude value is count / denominator x multiplier of the published counts; anything else tells more. */
    private static void valueFromCounts(
            String file,
            long row,
            String indicator,
            Double count,
            Double denominator,
            Double value,
            String column,
            Declarations d,
            Consumer<Finding> out) {
        Double multiplier = d.crudeMultipliers.get(indicator);
        if (multiplier == null || count == null || denominator == null || value == null || denominator == 0) {
            return;
        }
        double expected = count / denominator * multiplier;
        if (Math.abs(value - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
            out.accept(new Finding(
                    file,
                    row,
                    column,
                    Rule.VALUE_REVEALS_COUNT,
                    "value is not count / denominator x " + multiplier + " of the published count and denominator"));
        }
    }
}
