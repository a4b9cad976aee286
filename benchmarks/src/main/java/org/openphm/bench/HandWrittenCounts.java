package org.openphm.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openphm.analyses.acute.AcscCodeList;
import org.openphm.analyses.conditions.EventIndicators;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.qof.QofRegister;
import org.openphm.analyses.qof.QofRegisters;
import org.openphm.model.AreaType;
import org.openphm.model.EthnicGroups;
import org.openphm.model.FinancialYear;

/**
 * The counts behind three heavy indicator families written as a person would write them for DuckDB by hand —
 * one statement over all years, QUALIFY for "latest registration", FILTER for conditional counts, GROUPING SETS
 * over a pre-aggregated fine grain — without the query model or its renderer: the yardstick {@code phm bench}
 * holds our generated queries against. Each gives the cells (area × period × breakdown category, by ESP age
 * band) the family's indicator source counts, so the benchmark can also check the two agree number for number.
 * Shared definitions that are data rather than query logic (the QOF registers and their age bases, the ACSC
 * code list, the ethnic-group code mapping) are read from the model, so both sides count the same things.
 */
final class HandWrittenCounts {
    private HandWrittenCounts() {}

    /** Which cells an indicator family makes of its counts (they differ by framework class; see each case). */
    enum Filing {
        /** CellRollup, denominator-led (QOF, person indicators): a band counts where its denominator is positive. */
        WHERE_DENOMINATOR,
        /** CellRollup, events and population apart (AgeRangeEventRates): a band counts where either is positive. */
        WHERE_EITHER,
        /** EventRates: a band counts unless both are zero; cells with no population at all are dropped. */
        EVENT_RATES
    }

    /** One hand-written case: the statement, its indicators (measure columns n_i, d_i) and how cells are made. */
    record Case(
            String step,
            String title,
            String section,
            String sql,
            List<String> indicatorIds,
            List<AreaType> levels,
            List<AreaType> brokenDownLevels,
            Filing filing) {}

    static final List<AreaType> ALL_LEVELS =
            List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN, AreaType.PRACTICE);
    /** CellRollup breaks down the ICB, Places and neighbourhoods; practices and PCNs have the headline only. */
    static final List<AreaType> ROLLUP_BROKEN_DOWN = List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD);

    private static final Map<AreaType, String> AREA_COLUMN = Map.of(
            AreaType.ICB,
            "icb_code",
            AreaType.PLACE,
            "place_code",
            AreaType.NEIGHBOURHOOD,
            "neighbourhood_code",
            AreaType.PCN,
            "pcn_code",
            AreaType.PRACTICE,
            "practice_code");
    private static final Map<Breakdown, String> BREAKDOWN_COLUMN = Map.of(
            Breakdown.SEX,
            "sex",
            Breakdown.ETHNIC_GROUP,
            "ethnic_group",
            Breakdown.DEPRIVATION_QUINTILE,
            "imd_quintile");
    /** The area and breakdown columns of a cell row; each has a GROUPING flag g_&lt;column&gt; beside it. */
    private static final List<String> CELL_COLUMNS = List.of(
            "practice_code",
            "pcn_code",
            "neighbourhood_code",
            "place_code",
            "icb_code",
            "sex",
            "ethnic_group",
            "imd_quintile");

    /** The finest grain: period, a cell's columns and the age band. */
    private static final List<String> FINE = java.util.stream.Stream.of(
                    List.of("period"), CELL_COLUMNS, List.of("age_band"))
            .flatMap(List::stream)
            .toList();

    // ---- the three cases ------------------------------------------------------------------------------

    /**
     * DP 5.2-5.19: people on each QOF register at 31 March over the registered population of its age base — the
     * fastest statement we could write, not a translation of ours. Every dated fact is turned once into a range
     * of year indexes with integer arithmetic on the date (the year ending in March of year(d) + [month(d) ≥ 4]);
     * the "latest registration" window runs only for people with more than one registration; each person's
     * registers become one bit set per year, gathered before the join; people are spread into person-years
     * after the joins; one aggregation gives the practice-level fine grain, whose small table the grouping sets
     * roll up. Denominators are counted once per age base, not once per register.
     */
    static Case qofPrevalence(List<FinancialYear> years) {
        List<QofRegister> registers = QofRegisters.ALL;
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i).startYear() != years.get(i - 1).startYear() + 1) {
                throw new IllegalArgumentException("the hand-written QOF statement needs consecutive years: " + years);
            }
        }
        int firstEnd = years.get(0).end().getYear();
        int last = years.size() - 1;
        java.util.function.Function<String, String> index =
                d -> "(year(" + d + ") + CAST(month(" + d + ") >= 4 AS INTEGER) - " + firstEnd + ")";
        String clampHigh = "least(coalesce(%s - 1, " + last + "), " + last + ")";
        List<String> bits = new ArrayList<>();
        List<String> yearSets = new ArrayList<>();
        List<String> setColumns = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            bits.add("WHEN '" + registers.get(i).id() + "' THEN " + (1L << i));
        }
        for (int y = 0; y <= last; y++) {
            yearSets.add("bit_or(bit) FILTER (WHERE lo <= " + y + " AND " + y + " <= hi) AS m" + y);
            setColumns.add("m" + y);
        }
        List<String> counts = new ArrayList<>();
        java.util.TreeSet<Integer> bases = new java.util.TreeSet<>();
        for (int i = 0; i < registers.size(); i++) {
            QofRegister r = registers.get(i);
            counts.add("count(*) FILTER (WHERE age >= " + r.minAge() + " AND registers & " + (1L << i) + " <> 0) AS n_"
                    + i);
            bases.add(r.minAge());
        }
        bases.forEach(b -> counts.add("count(*) FILTER (WHERE age >= " + b + ") AS base_" + b));
        List<String> fineMeasures = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            fineMeasures.add("n_" + i);
            fineMeasures.add("base_" + registers.get(i).minAge() + " AS d_" + i);
        }
        String sums = IntStream.range(0, registers.size())
                .mapToObj(i -> "sum(n_" + i + ") AS n_" + i + ", sum(d_" + i + ") AS d_" + i)
                .collect(Collectors.joining(", "));
        String sql = "WITH ranges AS (\n"
                + "  SELECT person_id, practice_code, start_date, greatest(" + index.apply("start_date")
                + ", 0) AS lo,\n"
                + "    " + String.format(clampHigh, index.apply("end_date + 1")) + " AS hi,\n"
                + "    count(*) OVER (PARTITION BY person_id) AS registrations\n"
                + "  FROM registration),\n"
                + "registered AS (\n"
                + "  SELECT person_id, practice_code, lo, hi FROM ranges WHERE registrations = 1\n"
                + "  UNION ALL\n"
                + "  SELECT person_id, practice_code, y, y FROM (\n"
                + "    SELECT person_id, practice_code, start_date, unnest(range(lo, hi + 1)) AS y FROM ranges\n"
                + "    WHERE registrations > 1)\n"
                + "  QUALIFY row_number() OVER (PARTITION BY person_id, y ORDER BY start_date DESC, practice_code) = 1),\n"
                + "conditions AS (\n"
                + "  SELECT person_id, CASE condition " + String.join(" ", bits) + " END AS bit,\n"
                + "    greatest(" + index.apply("diagnosis_date") + ", 0) AS lo, "
                + String.format(clampHigh, index.apply("resolved_date")) + " AS hi\n"
                + "  FROM condition WHERE condition IN ("
                + registers.stream().map(r -> "'" + r.id() + "'").collect(Collectors.joining(", ")) + ")),\n"
                + "register_sets AS (SELECT person_id, " + String.join(", ", yearSets)
                + " FROM conditions GROUP BY person_id),\n"
                + "people AS (\n"
                + "  SELECT person_id, sex, ethnicity, lsoa, " + firstEnd
                + " - TRY_CAST(left(birth_month, 4) AS INTEGER) - CAST(TRY_CAST(substr(birth_month, 6, 2) AS INTEGER) > 3 AS INTEGER)"
                + " AS age0,\n"
                + "    " + String.format(clampHigh, index.apply("death_date")) + " AS alive_hi\n"
                + "  FROM patient),\n"
                + "person_years AS (\n"
                + "  SELECT practice_code, sex, " + EthnicGroups.sqlCase("ethnicity") + " AS ethnic_group,\n"
                + "    coalesce(CAST(l.imd_quintile AS VARCHAR), 'Unknown') AS imd_quintile, age0 + y AS age,\n"
                + "    coalesce(registers, 0) AS registers, y\n"
                // the year's register set is unnested beside its year (two unnests zip), so it is a plain column:
                // picked from a list by the year, DuckDB would pick it again inside every register's count
                + "  FROM (SELECT r.practice_code, p.sex, p.ethnicity, p.lsoa, p.age0,\n"
                + "          unnest(range(greatest(r.lo, -p.age0), least(r.hi, p.alive_hi) + 1)) AS y,\n"
                + "          unnest(list_slice([" + String.join(", ", setColumns)
                + "], greatest(r.lo, -p.age0) + 1, least(r.hi, p.alive_hi) + 1)) AS registers\n"
                + "        FROM registered r JOIN people p USING (person_id) LEFT JOIN register_sets m USING (person_id)\n"
                + "        WHERE p.age0 IS NOT NULL) x\n"
                + "  LEFT JOIN lsoa l ON l.lsoa_code = x.lsoa),\n"
                + "practice_fine AS MATERIALIZED (\n"
                + "  SELECT y, practice_code, sex, ethnic_group, imd_quintile,\n"
                + "    " + band("age") + " AS age_band, " + String.join(", ", counts) + "\n"
                + "  FROM person_years GROUP BY ALL),\n"
                + "fine AS (\n"
                + "  SELECT " + years(years) + " AS period, f.practice_code, pr.pcn_code, pr.neighbourhood_code,\n"
                + "    pr.place_code, pr.icb_code, sex, ethnic_group, imd_quintile, age_band, "
                + String.join(", ", fineMeasures)
                + "\n"
                + "  FROM practice_fine f JOIN practice pr USING (practice_code)),\n"
                // two small roll-up tables, as wide grouping sets over the fine grain cost one pass each
                + "area_fine AS MATERIALIZED (\n"
                + "  SELECT period, CAST(NULL AS VARCHAR) AS practice_code, CAST(NULL AS VARCHAR) AS pcn_code,\n"
                + "    neighbourhood_code, place_code, icb_code, sex, ethnic_group, imd_quintile, age_band, " + sums
                + "\n  FROM fine GROUP BY ALL),\n"
                + "practice_rollup AS MATERIALIZED (\n"
                + "  SELECT period, practice_code, pcn_code, CAST(NULL AS VARCHAR) AS neighbourhood_code,\n"
                + "    CAST(NULL AS VARCHAR) AS place_code, CAST(NULL AS VARCHAR) AS icb_code, CAST(NULL AS VARCHAR) AS sex,\n"
                + "    CAST(NULL AS VARCHAR) AS ethnic_group, CAST(NULL AS VARCHAR) AS imd_quintile, age_band, " + sums
                + "\n  FROM fine GROUP BY ALL)\n"
                + groupBys(
                        registers.size(),
                        ROLLUP_BROKEN_DOWN,
                        List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD),
                        "area_fine")
                + "\nUNION ALL\n"
                + groupBys(registers.size(), List.of(), List.of(AreaType.PCN, AreaType.PRACTICE), "practice_rollup");
        return new Case(
                "QofPrevalenceSource",
                "QOF register prevalence",
                "DP 5.2-5.19",
                sql,
                registers.stream().map(QofRegister::indicatorId).toList(),
                ALL_LEVELS,
                ROLLUP_BROKEN_DOWN,
                Filing.WHERE_DENOMINATOR);
    }

    /** The financial-year label of year index y, as a list lookup. */
    private static String years(List<FinancialYear> years) {
        return "[" + years.stream().map(y -> "'" + y.label() + "'").collect(Collectors.joining(", ")) + "][y + 1]";
    }

    /** DP 8.4: emergency ACSC admissions (CCG OIS 2.6) attributed on the day, over the year-end population. */
    static Case acscAdmissionRates(List<FinancialYear> years, AcscCodeList list, String indicatorId) {
        String events = "events AS (\n"
                + "  SELECT s.spell_id AS event_id, s.person_id, s.admission_date AS event_date,\n"
                + "    " + acscCondition(list) + " IS NOT NULL AS counted\n"
                + "  FROM spell s WHERE s.admission_method = 'emergency')";
        String sql = "WITH " + yearsCte(years) + ",\n" + registeredAtYearEnd() + ",\n" + events + ",\n"
                + attributedEvents() + ",\n"
                + "fine AS (\n"
                + "  SELECT " + String.join(", ", FINE) + ", sum(n_0) AS n_0, sum(d_0) AS d_0 FROM (\n"
                + "    SELECT " + String.join(", ", FINE) + ", count(*) FILTER (WHERE counted) AS n_0, 0 AS d_0\n"
                + "    FROM attributed GROUP BY ALL\n"
                + "    UNION ALL\n"
                + "    SELECT " + String.join(", ", FINE) + ", 0, count(*) FROM people GROUP BY ALL)\n"
                + "  GROUP BY ALL)\n"
                + groupingSets(1, ALL_LEVELS, ALL_LEVELS);
        return new Case(
                "AcscAdmissionRates",
                "ACSC emergency admission rates",
                "DP 8.4",
                sql,
                List.of(indicatorId),
                ALL_LEVELS,
                ALL_LEVELS,
                Filing.EVENT_RATES);
    }

    /**
     * DP 3.8 and 4.3: under-18 mental-health and emergency admissions, and Mental Health Act detentions; DP 3.2
     * and 3.6: emergency admissions for self-harm, all ages and 10-24 (an S/T injury with an X60-X84 cause).
     */
    static Case eventIndicators(List<FinancialYear> years) {
        String events = "events AS (\n"
                + "  SELECT 's|' || spell_id AS event_id, person_id, admission_date AS event_date, 'spell' AS kind,\n"
                + "    admission_method, primary_diagnosis, secondary_diagnoses FROM spell\n"
                + "  UNION ALL\n"
                + "  SELECT 'd|' || person_id || '|' || CAST(start_date AS VARCHAR) || '|' || section, person_id,\n"
                + "    start_date, 'detention', NULL, NULL, NULL FROM detention)";
        String selfHarm =
                "kind = 'spell' AND admission_method = 'emergency' AND left(primary_diagnosis, 1) IN ('S', 'T')"
                        + " AND regexp_matches(';' || coalesce(secondary_diagnoses, ''), ';X(6[0-9]|7[0-9]|8[0-4])')";
        String sql = "WITH " + yearsCte(years) + ",\n" + registeredAtYearEnd() + ",\n" + events + ",\n"
                + attributedEvents() + ",\n"
                + "fine AS (\n"
                + "  SELECT " + String.join(", ", FINE) + ", sum(n_0) AS n_0, sum(d_0) AS d_0, sum(n_1) AS n_1,\n"
                + "    sum(d_1) AS d_1, sum(n_2) AS n_2, sum(d_2) AS d_2, sum(n_3) AS n_3, sum(d_3) AS d_3,\n"
                + "    sum(n_4) AS n_4, sum(d_4) AS d_4 FROM (\n"
                + "    SELECT " + String.join(", ", FINE) + ",\n"
                + "      count(*) FILTER (WHERE kind = 'spell' AND primary_diagnosis LIKE 'F%' AND age <= 17) AS n_0,\n"
                + "      0 AS d_0,\n"
                + "      count(*) FILTER (WHERE kind = 'spell' AND admission_method = 'emergency' AND age <= 17) AS n_1,\n"
                + "      0 AS d_1,\n"
                + "      count(*) FILTER (WHERE kind = 'detention') AS n_2, 0 AS d_2,\n"
                + "      count(*) FILTER (WHERE " + selfHarm + ") AS n_3, 0 AS d_3,\n"
                + "      count(*) FILTER (WHERE " + selfHarm + " AND age BETWEEN 10 AND 24) AS n_4, 0 AS d_4\n"
                + "    FROM attributed GROUP BY ALL\n"
                + "    UNION ALL\n"
                + "    SELECT " + String.join(", ", FINE) + ", 0, count(*) FILTER (WHERE age <= 17), 0,\n"
                + "      count(*) FILTER (WHERE age <= 17), 0, count(*), 0, count(*), 0,\n"
                + "      count(*) FILTER (WHERE age BETWEEN 10 AND 24) FROM people GROUP BY ALL)\n"
                + "  GROUP BY ALL)\n"
                + groupingSets(5, ROLLUP_BROKEN_DOWN, ALL_LEVELS);
        return new Case(
                "EventIndicators",
                "Condition event rates",
                "DP 3.2, 3.6, 3.8, 4.3",
                sql,
                List.of(
                        EventIndicators.CYP_MENTAL_HEALTH_ADMISSIONS,
                        EventIndicators.EMERGENCY_ADMISSIONS_UNDER_18,
                        EventIndicators.MHA_DETENTIONS,
                        EventIndicators.SELF_HARM_ADMISSIONS,
                        EventIndicators.SELF_HARM_ADMISSIONS_10_24),
                ALL_LEVELS,
                ROLLUP_BROKEN_DOWN,
                Filing.WHERE_EITHER);
    }

    // ---- SQL pieces ---------------------------------------------------------------------------------------

    private static String yearsCte(List<FinancialYear> years) {
        return "years(period, fy_start, ref) AS (VALUES "
                + years.stream()
                        .map(y -> "('" + y.label() + "', DATE '" + y.start() + "', DATE '" + y.end() + "')")
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /** Age in whole years at a date from a 'YYYY-MM' birth month, the birthday counting from the 1st. */
    private static String age(String birthMonth, String at) {
        return "year(" + at + ") - CAST(left(" + birthMonth + ", 4) AS INTEGER) - CASE WHEN month(" + at
                + ") < CAST(substr(" + birthMonth + ", 6, 2) AS INTEGER) THEN 1 ELSE 0 END";
    }

    private static String band(String age) {
        return "CASE WHEN " + age + " >= 90 THEN '90+' ELSE CAST(" + age + " // 5 * 5 AS VARCHAR) || '-' || CAST(" + age
                + " // 5 * 5 + 4 AS VARCHAR) END";
    }

    /** The person's practice geography, sex, ethnic group and deprivation quintile (p = patient, pr = practice). */
    private static String personColumns() {
        return "pr.practice_code, pr.pcn_code, pr.neighbourhood_code, pr.place_code, pr.icb_code, p.sex, "
                + EthnicGroups.sqlCase("p.ethnicity") + " AS ethnic_group, "
                + "coalesce(CAST(l.imd_quintile AS VARCHAR), 'Unknown') AS imd_quintile";
    }

    /** Registered and alive at each year's end, the latest-starting registration winning; with age and band. */
    private static String registeredAtYearEnd() {
        return "registered AS (\n"
                + "  SELECT y.period, y.ref, r.person_id, r.practice_code\n"
                + "  FROM years y JOIN registration r ON r.start_date <= y.ref AND (r.end_date IS NULL OR r.end_date >= y.ref)\n"
                + "  QUALIFY row_number() OVER (PARTITION BY y.period, r.person_id ORDER BY r.start_date DESC, r.practice_code) = 1),\n"
                + "people_aged AS (\n"
                + "  SELECT g.period, g.person_id, " + personColumns() + ", " + age("p.birth_month", "g.ref")
                + " AS age\n"
                + "  FROM registered g JOIN patient p ON p.person_id = g.person_id\n"
                + "    AND (p.death_date IS NULL OR p.death_date > g.ref)\n"
                + "  JOIN practice pr ON pr.practice_code = g.practice_code\n"
                + "  LEFT JOIN lsoa l ON l.lsoa_code = p.lsoa),\n"
                + "people AS (SELECT *, " + band("age") + " AS age_band FROM people_aged WHERE age >= 0)";
    }

    /** Each event in its financial year, at the practice of the registration current on the day. */
    private static String attributedEvents() {
        return "attributed_registration AS (\n"
                + "  SELECT y.period, e.*, r.practice_code\n"
                + "  FROM events e JOIN years y ON e.event_date BETWEEN y.fy_start AND y.ref\n"
                + "  JOIN registration r ON r.person_id = e.person_id AND r.start_date <= e.event_date\n"
                + "    AND (r.end_date IS NULL OR r.end_date >= e.event_date)\n"
                + "  QUALIFY row_number() OVER (PARTITION BY e.event_id ORDER BY r.start_date DESC, r.practice_code) = 1),\n"
                + "attributed_aged AS (\n"
                + "  SELECT a.* EXCLUDE (practice_code), " + personColumns() + ", "
                + age("p.birth_month", "a.event_date")
                + " AS age\n"
                + "  FROM attributed_registration a JOIN patient p ON p.person_id = a.person_id\n"
                + "  JOIN practice pr ON pr.practice_code = a.practice_code\n"
                + "  LEFT JOIN lsoa l ON l.lsoa_code = p.lsoa),\n"
                + "attributed AS (SELECT *, " + band("age") + " AS age_band FROM attributed_aged WHERE age >= 0)";
    }

    /** Every level's headline and, for the broken-down levels, each breakdown: the columns of each cut. */
    private static List<List<String>> cuts(List<AreaType> brokenDown, List<AreaType> levels) {
        List<List<String>> cuts = new ArrayList<>();
        for (AreaType level : levels) {
            String area = AREA_COLUMN.get(level);
            cuts.add(List.of(area));
            if (brokenDown.contains(level)) {
                for (String b : List.of("sex", "ethnic_group", "imd_quintile")) {
                    cuts.add(List.of(area, b));
                }
            }
        }
        return cuts;
    }

    private static List<String> sums(int indicators) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            items.add("CAST(sum(n_" + i + ") AS BIGINT) AS n_" + i);
            items.add("CAST(sum(d_" + i + ") AS BIGINT) AS d_" + i);
        }
        return items;
    }

    /** Every cut by age band from the fine grain, as grouping sets. */
    private static String groupingSets(int indicators, List<AreaType> brokenDown, List<AreaType> levels) {
        List<String> sets = cuts(brokenDown, levels).stream()
                .map(cut -> "(period, " + String.join(", ", cut) + ", age_band)")
                .toList();
        List<String> items = new ArrayList<>(List.of("period", "age_band"));
        for (String c : CELL_COLUMNS) {
            items.add(c);
            items.add("GROUPING(" + c + ") AS g_" + c);
        }
        items.addAll(sums(indicators));
        return "SELECT " + String.join(", ", items) + " FROM fine\nGROUP BY GROUPING SETS (" + String.join(", ", sets)
                + ")";
    }

    /**
     * The same rows as {@link #groupingSets} as one plain GROUP BY per cut, joined by UNION ALL: over a small
     * roll-up table each is a quick hash aggregate that DuckDB can spill, where a grouping-sets aggregate keeps
     * its whole input in memory.
     */
    private static String groupBys(int indicators, List<AreaType> brokenDown, List<AreaType> levels, String table) {
        List<String> selects = new ArrayList<>();
        for (List<String> cut : cuts(brokenDown, levels)) {
            List<String> items = new ArrayList<>(List.of("period", "age_band"));
            for (String c : CELL_COLUMNS) {
                boolean grouped = cut.contains(c);
                items.add(grouped ? c : "CAST(NULL AS VARCHAR) AS " + c);
                items.add((grouped ? "0" : "1") + " AS g_" + c);
            }
            items.addAll(sums(indicators));
            selects.add("SELECT " + String.join(", ", items) + " FROM " + table + " GROUP BY period, age_band, "
                    + String.join(", ", cut));
        }
        return String.join("\nUNION ALL\n", selects);
    }

    /** The CCG OIS 2.6 condition of a spell (first matching rule), as a CASE over HES-style codes. */
    private static String acscCondition(AcscCodeList list) {
        String p3 = "substr(s.primary_diagnosis, 1, 3)";
        String p4 = "rpad(substr(replace(s.primary_diagnosis, '.', ''), 1, 4), 4, 'X')";
        StringBuilder sql = new StringBuilder("CASE");
        for (AcscCodeList.Condition c : list.conditions()) {
            for (AcscCodeList.CodeRule rule : c.rules()) {
                List<String> code = new ArrayList<>();
                if (!rule.prefix3().isEmpty()) {
                    code.add(p3 + " IN (" + quoted(rule.prefix3()) + ")");
                }
                if (!rule.exact4().isEmpty()) {
                    code.add(p4 + " IN (" + quoted(rule.exact4()) + ")");
                }
                String when = "(" + String.join(" OR ", code) + ")";
                if (rule.exclusion() instanceof AcscCodeList.AnyDiagnosis d) {
                    when += " AND NOT " + anyDiagnosis(p3, d.codes());
                } else if (rule.exclusion() instanceof AcscCodeList.AnyProcedure pr) {
                    when += " AND NOT coalesce("
                            + pr.codes().stream()
                                    .map(x -> "starts_with(s.primary_procedure, '" + x + "')")
                                    .collect(Collectors.joining(" OR "))
                            + ", false)";
                }
                if (!rule.requiresAnyDiagnosis().isEmpty()) {
                    when += " AND " + anyDiagnosis(p3, rule.requiresAnyDiagnosis());
                }
                sql.append("\n      WHEN ")
                        .append(when)
                        .append(" THEN '")
                        .append(c.name().replace("'", "''"))
                        .append("'");
            }
        }
        return sql.append(" END").toString();
    }

    private static String anyDiagnosis(String p3, List<String> codes) {
        return "(" + p3 + " IN (" + quoted(codes) + ") OR coalesce("
                + codes.stream()
                        .map(c -> "contains(s.secondary_diagnoses, '" + c + "')")
                        .collect(Collectors.joining(" OR "))
                + ", false))";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    // ---- running and reading ------------------------------------------------------------------------------

    /** Runs the statement and turns its rows into the family's cells, filed as the family's framework files them. */
    static Map<CellKey, AgeBandCounts> run(Connection connection, Case c) throws SQLException {
        Map<CellKey, double[][]> bands = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(c.sql())) {
            while (rs.next()) {
                AreaType level = null;
                String area = null;
                for (AreaType l : c.levels()) {
                    if (rs.getInt("g_" + AREA_COLUMN.get(l)) == 0) {
                        level = l;
                        area = rs.getString(AREA_COLUMN.get(l));
                    }
                }
                Breakdown breakdown = Breakdown.NONE;
                String category = null;
                for (Map.Entry<Breakdown, String> b : BREAKDOWN_COLUMN.entrySet()) {
                    if (rs.getInt("g_" + b.getValue()) == 0) {
                        breakdown = b.getKey();
                        String v = rs.getString(b.getValue());
                        category = v == null ? "Unknown" : v;
                    }
                }
                String period = rs.getString("period");
                String ageBand = rs.getString("age_band");
                int band = AgeBandCounts.bandOf(ageBand);
                for (int i = 0; i < c.indicatorIds().size(); i++) {
                    long n = rs.getLong("n_" + i);
                    long d = rs.getLong("d_" + i);
                    boolean filed = switch (c.filing()) {
                        case WHERE_DENOMINATOR -> d > 0;
                        case WHERE_EITHER -> n > 0 || d > 0;
                        case EVENT_RATES -> n != 0 || d != 0;
                    };
                    if (!filed) {
                        continue;
                    }
                    String id = c.indicatorIds().get(i);
                    add(bands, new CellKey(id, area, level, period, breakdown, category), band, n, d);
                    // the age-band breakdown is each headline band on its own
                    if (breakdown == Breakdown.NONE && c.brokenDownLevels().contains(level)) {
                        add(bands, new CellKey(id, area, level, period, Breakdown.AGE_BAND, ageBand), band, n, d);
                    }
                }
            }
        }
        Map<CellKey, AgeBandCounts> cells = new HashMap<>();
        bands.forEach((k, v) -> {
            AgeBandCounts counts = new AgeBandCounts();
            for (int b = 0; b < AgeBandCounts.BANDS; b++) {
                counts.add(b, v[0][b], v[1][b]);
            }
            cells.put(k, counts);
        });
        if (c.filing() == Filing.EVENT_RATES) {
            cells.values().removeIf(x -> x.denominator() <= 0);
        }
        return cells;
    }

    private static void add(Map<CellKey, double[][]> bands, CellKey key, int band, long n, long d) {
        double[][] v = bands.computeIfAbsent(key, k -> new double[2][AgeBandCounts.BANDS]);
        v[0][band] += n;
        v[1][band] += d;
    }

    /** Cells that differ between ours and the hand-written counts (missing on one side, or any band unequal). */
    static List<String> differences(Map<CellKey, AgeBandCounts> ours, Map<CellKey, AgeBandCounts> hand) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<CellKey, AgeBandCounts> e : ours.entrySet()) {
            AgeBandCounts h = hand.get(e.getKey());
            if (h == null) {
                out.add("only ours: " + e.getKey());
            } else if (!Arrays.equals(e.getValue().numerators(), h.numerators())
                    || !Arrays.equals(e.getValue().denominators(), h.denominators())) {
                out.add("differs: " + e.getKey() + " ours " + e.getValue().numerator() + "/"
                        + e.getValue().denominator() + ", hand-written " + h.numerator() + "/" + h.denominator());
            }
        }
        hand.keySet().stream().filter(k -> !ours.containsKey(k)).forEach(k -> out.add("only hand-written: " + k));
        return out;
    }
}
