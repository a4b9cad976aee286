package org.openphm.engine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openphm.model.Table;

/**
 * An engine-neutral relational query: a tree of relations, each with known output columns, built from
 * canonical tables. Engines render it to SQL (see org.openphm.engine.sql.SqlRenderer) and run it. Column
 * names are checked as the tree is built, so a misspelt column fails at definition time with the columns
 * that do exist, not deep inside an engine's error message.
 *
 * <p>Only the outermost {@link Sort} (optionally under a {@link Limit}) orders the result; a query without
 * one returns its rows in no defined order.
 */
public sealed interface Query {

    /** The output columns, in order. */
    List<String> columns();

    /** A stored table (a canonical table in a workspace, or an ad-hoc table of a test) with its columns. */
    record Source(String table, List<String> columns) implements Query {
        public Source {
            Objects.requireNonNull(table, "table name");
            columns = distinct(columns, "table " + table);
        }

        public static Source of(Table table) {
            return new Source(table.name(), table.columnNames());
        }

        public static Source of(String table, String... columns) {
            return new Source(table, Arrays.asList(columns));
        }
    }

    /** The input rows for which the condition is true (not false, not NULL). */
    record Filter(Query input, Expr condition) implements Query {
        @Override
        public List<String> columns() {
            return input.columns();
        }
    }

    /** The input columns plus computed ones; a computed column with an input column's name replaces it in place. */
    record Derive(Query input, List<Named> derived) implements Query {
        public Derive {
            derived = List.copyOf(derived);
            distinct(derived.stream().map(Named::name).toList(), "derived columns");
        }

        @Override
        public List<String> columns() {
            List<String> out = new ArrayList<>(input.columns());
            for (Named n : derived) {
                if (!out.contains(n.name())) {
                    out.add(n.name());
                }
            }
            return out;
        }
    }

    /** Exactly these computed columns (projection and renaming). */
    record Select(Query input, List<Named> selected) implements Query {
        public Select {
            selected = List.copyOf(selected);
            distinct(selected.stream().map(Named::name).toList(), "selected columns");
        }

        @Override
        public List<String> columns() {
            return selected.stream().map(Named::name).toList();
        }
    }

    /**
     * Rows of left and right with equal keys. The output is every left column, then every right column except
     * the right-hand key columns (they equal the left ones); any other shared name is refused: rename first.
     */
    record Join(Query left, Query right, JoinType type, List<JoinKey> keys) implements Query {
        public Join {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a join needs at least one key");
            }
            for (JoinKey k : keys) {
                requireColumn(left, k.left());
                requireColumn(right, k.right());
            }
            List<String> out = new ArrayList<>(left.columns());
            out.addAll(rightColumnsKept(right, keys));
            distinct(out, "join output (rename shared non-key columns before joining)");
        }

        static List<String> rightColumnsKept(Query right, List<JoinKey> keys) {
            Set<String> rightKeys = new LinkedHashSet<>();
            keys.forEach(k -> rightKeys.add(k.right()));
            return right.columns().stream().filter(c -> !rightKeys.contains(c)).toList();
        }

        public List<String> rightColumns() {
            return rightColumnsKept(right, keys);
        }

        @Override
        public List<String> columns() {
            List<String> out = new ArrayList<>(left.columns());
            out.addAll(rightColumns());
            return out;
        }
    }

    /** All rows of all inputs, which must have the same column names (matched by name, output in the first's order). */
    record UnionAll(List<Query> inputs) implements Query {
        public UnionAll {
            inputs = List.copyOf(inputs);
            if (inputs.size() < 2) {
                throw new IllegalArgumentException("UNION ALL needs at least two inputs");
            }
            Set<String> first = new LinkedHashSet<>(inputs.get(0).columns());
            for (Query q : inputs) {
                if (!new LinkedHashSet<>(q.columns()).equals(first)) {
                    throw new IllegalArgumentException(
                            "UNION ALL inputs differ in columns: " + first + " vs " + q.columns());
                }
            }
        }

        @Override
        public List<String> columns() {
            return inputs.get(0).columns();
        }
    }

    /**
     * Groups by the keys and computes the measures. With {@code groupingSets} (each a list of key columns),
     * the totals for "all ages" or "persons" come from the same scan as the breakdowns: a key left out of a
     * set takes its {@link GroupKey#totalLabel()}. No grouping sets means one plain GROUP BY all keys; no
     * keys means one row over the whole input.
     */
    record Aggregate(Query input, List<GroupKey> keys, List<Measure> measures, List<List<String>> groupingSets)
            implements Query {
        public Aggregate {
            keys = List.copyOf(keys);
            measures = List.copyOf(measures);
            groupingSets = groupingSets.stream().map(List::copyOf).toList();
            for (GroupKey k : keys) {
                requireColumn(input, k.column());
            }
            List<String> keyNames = keys.stream().map(GroupKey::column).toList();
            for (List<String> set : groupingSets) {
                for (String c : set) {
                    if (!keyNames.contains(c)) {
                        throw new IllegalArgumentException(
                                "grouping set column " + c + " is not a group key " + keyNames);
                    }
                }
            }
            if (keys.isEmpty() && measures.isEmpty()) {
                throw new IllegalArgumentException("an aggregate needs a key or a measure");
            }
            List<String> out = new ArrayList<>(keyNames);
            measures.forEach(m -> out.add(m.name()));
            distinct(out, "aggregate output");
        }

        @Override
        public List<String> columns() {
            List<String> out =
                    new ArrayList<>(keys.stream().map(GroupKey::column).toList());
            measures.forEach(m -> out.add(m.name()));
            return out;
        }
    }

    /**
     * The input plus a 1-based row number within each partition in the given order: with a filter on it,
     * "first admission per person" (Spark has no QUALIFY, trap 7). Ties are numbered arbitrarily: order by
     * enough columns to break them.
     */
    record RowNumber(Query input, String name, List<String> partitionBy, List<SortKey> orderBy) implements Query {
        public RowNumber {
            partitionBy = List.copyOf(partitionBy);
            orderBy = List.copyOf(orderBy);
            partitionBy.forEach(c -> requireColumn(input, c));
            orderBy.forEach(k -> requireColumn(input, k.column()));
            if (orderBy.isEmpty()) {
                throw new IllegalArgumentException("a row number needs an ordering");
            }
            List<String> out = new ArrayList<>(input.columns());
            out.add(name);
            distinct(out, "row number output");
        }

        @Override
        public List<String> columns() {
            List<String> out = new ArrayList<>(input.columns());
            out.add(name);
            return out;
        }
    }

    /**
     * The input with each row repeated once for every whole number from {@code from} to {@code to} inclusive, in
     * a new LONG column: a person's years of registration, given as a range of year indexes, become one row per
     * person-year only where the counting needs them. A row whose range is empty ({@code from > to}) or has a
     * NULL end gives no rows. Both ends are computed from the input's columns.
     */
    record Explode(Query input, String name, Expr from, Expr to) implements Query {
        public Explode {
            Objects.requireNonNull(from, "start of the range");
            Objects.requireNonNull(to, "end of the range");
            List<String> out = new ArrayList<>(input.columns());
            out.add(name);
            distinct(out, "explode output");
        }

        @Override
        public List<String> columns() {
            List<String> out = new ArrayList<>(input.columns());
            out.add(name);
            return out;
        }
    }

    record Sort(Query input, List<SortKey> keys) implements Query {
        public Sort {
            keys = List.copyOf(keys);
            keys.forEach(k -> requireColumn(input, k.column()));
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }
    }

    record Limit(Query input, long count) implements Query {
        public Limit {
            if (count < 0) {
                throw new IllegalArgumentException("negative limit " + count);
            }
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }
    }

    /**
     * A sub-result that many queries start from (the registered population on a date is read by every
     * prevalence, rate and analysis of a year): an engine computes it once, keeps it for its own lifetime and
     * reads the kept rows wherever a query contains it, so the same joins and window are not redone per query.
     * Its rows are exactly the input's; only the cost differs. The name is the kept result's name in the
     * engine (a DuckDB temporary table, a cached Spark view) and should say what it holds and when, e.g.
     * {@code registered_population_2025_03_31}. Rendered without an engine that keeps results, it is an
     * ordinary sub-query.
     */
    record Shared(String name, Query input) implements Query {
        public Shared {
            Objects.requireNonNull(input, "input");
            if (name == null || !name.matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException(
                        "a shared result's name is lower-case letters, digits and _: " + name);
            }
        }

        @Override
        public List<String> columns() {
            return input.columns();
        }
    }

    // ---- building ----------------------------------------------------------------------------------

    static Source from(Table table) {
        return Source.of(table);
    }

    default Query where(Expr condition) {
        return new Filter(this, condition);
    }

    default Query derive(String name, Expr expr) {
        return new Derive(this, List.of(Named.as(name, expr)));
    }

    default Query derive(Named... derived) {
        return new Derive(this, Arrays.asList(derived));
    }

    default Query select(Named... selected) {
        return new Select(this, Arrays.asList(selected));
    }

    /** Keeps only these columns, unchanged. */
    default Query select(String... columns) {
        return new Select(
                this, Arrays.stream(columns).map(c -> Named.as(c, Expr.col(c))).toList());
    }

    default Query join(Query right, String... sharedKeys) {
        return new Join(
                this,
                right,
                JoinType.INNER,
                Arrays.stream(sharedKeys).map(JoinKey::on).toList());
    }

    default Query leftJoin(Query right, String... sharedKeys) {
        return new Join(
                this,
                right,
                JoinType.LEFT,
                Arrays.stream(sharedKeys).map(JoinKey::on).toList());
    }

    default Query unionAll(Query... others) {
        List<Query> all = new ArrayList<>();
        all.add(this);
        all.addAll(Arrays.asList(others));
        return new UnionAll(all);
    }

    /** Plain GROUP BY the named columns. */
    default Query aggregate(List<String> keys, Measure... measures) {
        return new Aggregate(this, keys.stream().map(GroupKey::of).toList(), Arrays.asList(measures), List.of());
    }

    default Query aggregate(List<GroupKey> keys, List<List<String>> groupingSets, Measure... measures) {
        return new Aggregate(this, keys, Arrays.asList(measures), groupingSets);
    }

    default Query rowNumber(String name, List<String> partitionBy, SortKey... orderBy) {
        return new RowNumber(this, name, partitionBy, Arrays.asList(orderBy));
    }

    /** One row per whole number from {@code from} to {@code to} for each input row ({@link Explode}). */
    default Query explode(String name, Expr from, Expr to) {
        return new Explode(this, name, from, to);
    }

    default Query orderBy(SortKey... keys) {
        return new Sort(this, Arrays.asList(keys));
    }

    default Query limit(long count) {
        return new Limit(this, count);
    }

    /** This result, computed once per engine and then reused by every query that contains it ({@link Shared}). */
    default Query shared(String name) {
        return new Shared(name, this);
    }

    /** The relations this one reads, in order (none for a {@link Source}). */
    default List<Query> inputs() {
        if (this instanceof Join j) {
            return List.of(j.left(), j.right());
        }
        if (this instanceof UnionAll u) {
            return u.inputs();
        }
        if (this instanceof Source) {
            return List.of();
        }
        if (this instanceof Filter f) {
            return List.of(f.input());
        }
        if (this instanceof Derive d) {
            return List.of(d.input());
        }
        if (this instanceof Select s) {
            return List.of(s.input());
        }
        if (this instanceof Aggregate a) {
            return List.of(a.input());
        }
        if (this instanceof RowNumber r) {
            return List.of(r.input());
        }
        if (this instanceof Sort s) {
            return List.of(s.input());
        }
        if (this instanceof Explode e) {
            return List.of(e.input());
        }
        if (this instanceof Limit l) {
            return List.of(l.input());
        }
        return List.of(((Shared) this).input());
    }

    /**
     * Every distinct {@link Shared} result in the tree, each after the shared results it is itself built from,
     * so an engine can keep them in this order.
     */
    static List<Shared> sharedResults(Query query) {
        Set<Shared> found = new LinkedHashSet<>();
        collectShared(query, found);
        return List.copyOf(found);
    }

    private static void collectShared(Query query, Set<Shared> found) {
        for (Query in : query.inputs()) {
            collectShared(in, found);
        }
        if (query instanceof Shared s) {
            found.add(s);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** GROUPING SETS of a ROLLUP: (a, b, c), (a, b), (a), (). */
    static List<List<String>> rollup(String... keys) {
        List<List<String>> sets = new ArrayList<>();
        for (int n = keys.length; n >= 0; n--) {
            sets.add(List.of(Arrays.copyOf(keys, n)));
        }
        return sets;
    }

    /** GROUPING SETS of a CUBE: every subset of the keys, largest first. */
    static List<List<String>> cube(String... keys) {
        List<List<String>> sets = new ArrayList<>();
        int n = keys.length;
        for (int size = n; size >= 0; size--) {
            for (int mask = (1 << n) - 1; mask >= 0; mask--) {
                if (Integer.bitCount(mask) == size) {
                    List<String> set = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if ((mask & (1 << (n - 1 - i))) != 0) {
                            set.add(keys[i]);
                        }
                    }
                    sets.add(List.copyOf(set));
                }
            }
        }
        return sets;
    }

    private static void requireColumn(Query q, String column) {
        if (!q.columns().contains(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + q.columns());
        }
    }

    private static List<String> distinct(List<String> names, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("duplicate column " + n + " in " + what);
            }
        }
        return List.copyOf(names);
    }
}
