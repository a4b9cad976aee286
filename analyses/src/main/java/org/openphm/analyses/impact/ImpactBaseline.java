package org.openphm.analyses.impact;

import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openphm.analyses.acute.AcscClassification;
import org.openphm.analyses.indicator.EventAttribution;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.analyses.projection.DemographicProjection;
import org.openphm.analyses.projection.PopulationGrowth;
import org.openphm.analyses.projection.ProjectionCell;
import org.openphm.analyses.resources.StaffInPost;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Everything the impact model needs from a workspace, read once (issue 12): the baseline year's activity in
 * each cell of Place × sex × age band × IMD quintile × ethnic group, the demographic growth of each Place × sex
 * × age band to the horizon (DP 1.3's method, {@link PopulationGrowth}), staff in post (DP 12.1) and the
 * year's community and mental health spend. A few grouped queries; after this, scenarios are arithmetic and a
 * dashboard lever never re-reads patient data.
 *
 * <p>These are small counts by fine cells: the file {@link #save}s stays beside the workspace, like the risk
 * model, and is never published. Published results are totals over many cells, disclosure-checked.
 *
 * <p>Counting follows the data pack: activity is attributed to the Place of the person's registration on the
 * day (EventAttribution); referrals as DP 4.7 (community, split at 18) and DP 4.9 (mental health); spells as
 * DP 8 (a spell belongs to its year of admission; bed days are stays of discharged spells; delay days run
 * from clinically ready to discharge, DP 8.13; ACSC by CCG OIS 2.6).
 */
public record ImpactBaseline(
        FinancialYear baseline,
        int lastYear,
        String icbCode,
        String icbName,
        Map<String, String> placeNames,
        List<Cell> cells,
        Map<String, double[]> growth,
        List<Staff> staff,
        Double communitySpendGbp,
        Double mentalHealthSpendGbp) {

    /** Activity of one cell in the baseline year, indexed by {@link Quantity#ordinal()}. */
    public record Cell(String place, String sex, String ageBand, String imdQuintile, String ethnicGroup, double[] q) {
        public int lowerAge() {
            return new ProjectionCell(place, sex, ageBand).lowerAge();
        }

        public String growthKey() {
            return key(place, sex, ageBand);
        }
    }

    /** WTE in post at the census by service area (community, mental health, children) and staff group. */
    public record Staff(String serviceArea, String staffGroup, double wte) {}

    static final String UNKNOWN = "Unknown";
    static final int END_OF_LIFE_DAYS = 90;
    static final int FREQUENT_ADMISSIONS = 3;

    static String key(String place, String sex, String band) {
        return place + "|" + sex + "|" + band;
    }

    /** Growth of a cell's Place, sex and band from the baseline to the projection year (1 at the baseline). */
    public double growth(Cell cell, int projectionYear) {
        double[] f = growth.get(cell.growthKey());
        return f[projectionYear - DemographicProjection.yearOf(baseline)];
    }

    public int baseProjectionYear() {
        return DemographicProjection.yearOf(baseline);
    }

    /**
     * The baseline a scenario runs from: the workspace's Places ({@link Geography#load}) and its complete years
     * ({@link Periods#of}), read from the engine, then as {@link #of(Engine, Geography, List, FinancialYear,
     * FinancialYear, Consumer)}. What {@code phm scenario run}, the scenario explorer and the benchmark read.
     */
    public static ImpactBaseline of(Engine engine, Scenario scenario, Consumer<String> progress) {
        List<FinancialYear> years = Periods.of(engine); // first: an empty workspace fails here, saying so
        return of(engine, Geography.load(engine), years, scenario.baseline(), scenario.horizon(), progress);
    }

    /**
     * The baseline from {@code baseline} to {@code horizon}, with the staff census at the end of the latest of
     * the workspace's {@code years} (as DP 12.1), for a caller that has the geography and years already (a build).
     */
    public static ImpactBaseline of(
            Engine engine,
            Geography geography,
            List<FinancialYear> years,
            FinancialYear baseline,
            FinancialYear horizon,
            Consumer<String> progress) {
        return extract(
                engine,
                geography,
                baseline,
                horizon,
                years.get(years.size() - 1).end(),
                progress);
    }

    /**
     * Reads the baseline from a workspace.
     *
     * @param census the staff census date (DP 12.1 uses the end of the latest year)
     */
    public static ImpactBaseline extract(
            Engine engine,
            Geography geography,
            FinancialYear baseline,
            FinancialYear horizon,
            LocalDate census,
            Consumer<String> progress) {
        Map<List<String>, double[]> cells = new LinkedHashMap<>();
        progress.accept("registered population on " + baseline.end());
        addPopulation(
                cells, engine.execute(RegisteredPopulation.at(baseline.end()).aggregate(CELL, countRows("people"))));
        cells.forEach((k, q) -> {
            if (new ProjectionCell(k.get(0), k.get(1), k.get(2)).lowerAge() < 20) {
                q[Quantity.POPULATION_0_19.ordinal()] = q[Quantity.POPULATION.ordinal()];
            }
        });
        progress.accept("admissions in " + baseline);
        Result spells = engine.execute(spells(baseline));
        for (int i = 0; i < spells.size(); i++) {
            double[] q = cells.computeIfAbsent(cellKey(spells, i), k -> new double[Quantity.values().length]);
            Quantity.Part part = Quantity.Part.valueOf(spells.getString(i, "part"));
            q[part.spells().ordinal()] += spells.getLong(i, "spells");
            q[part.bedDays().ordinal()] += number(spells, i, "bed_days");
            q[part.delayDays().ordinal()] += number(spells, i, "delay_days");
            q[part.cost().ordinal()] += number(spells, i, "cost");
            if (new ProjectionCell(
                                    spells.getString(i, "place_code"),
                                    spells.getString(i, "sex"),
                                    spells.getString(i, "age_band"))
                            .lowerAge()
                    >= 65) {
                q[part.bedDays65().ordinal()] += number(spells, i, "bed_days");
            }
        }
        progress.accept("referrals in " + baseline);
        Result referrals = engine.execute(referrals(baseline));
        for (int i = 0; i < referrals.size(); i++) {
            double[] q = cells.computeIfAbsent(cellKey(referrals, i), k -> new double[Quantity.values().length]);
            q[Quantity.valueOf(referrals.getString(i, "kind")).ordinal()] += referrals.getLong(i, "referrals");
        }
        progress.accept("population growth to " + horizon);
        int base = DemographicProjection.yearOf(baseline);
        int last = DemographicProjection.yearOf(horizon);
        PopulationGrowth growth = PopulationGrowth.load(engine, base);
        Map<String, double[]> factors = new HashMap<>();
        List<Cell> list = new ArrayList<>();
        // in key order, not the engine's row order: sums over cells then add up in the same order on every engine
        Map<List<String>, double[]> ordered =
                new java.util.TreeMap<>(java.util.Comparator.comparing((List<String> k) -> String.join("|", k)));
        ordered.putAll(cells);
        ordered.forEach((k, q) -> {
            Cell cell = new Cell(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), q);
            list.add(cell);
            factors.computeIfAbsent(cell.growthKey(), g -> {
                ProjectionCell pc = new ProjectionCell(cell.place(), cell.sex(), cell.ageBand());
                double[] f = new double[last - base + 1];
                for (int y = base; y <= last; y++) {
                    double v = growth.factor(pc, y);
                    // A group with nobody in the base year is held at its base, as DemographicProjection does.
                    f[y - base] = Double.isNaN(v) ? 1 : v;
                }
                return f;
            });
        });
        progress.accept("staff in post on " + census + " and spend in " + baseline);
        Result s = engine.execute(
                StaffInPost.at(census).aggregate(List.of("service_area", "staff_group"), sum("wte", col("fte"))));
        List<Staff> staff = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            staff.add(new Staff(s.getString(i, "service_area"), s.getString(i, "staff_group"), s.getDouble(i, "wte")));
        }
        staff.sort(java.util.Comparator.comparing(Staff::serviceArea).thenComparing(Staff::staffGroup));
        Result f = engine.execute(Query.from(CanonicalSchema.FINANCE_SPEND)
                .where(col("year").eq(baseline.label()))
                .aggregate(List.of("category"), sum("spend", col("spend_gbp"))));
        Double community = null;
        Double mentalHealth = null;
        for (int i = 0; i < f.size(); i++) {
            switch (f.getString(i, "category")) {
                case "community" -> community = f.getDouble(i, "spend");
                case "mental health" -> mentalHealth = f.getDouble(i, "spend");
                default -> {}
            }
        }
        Geography.Area icb = geography.areas(AreaType.ICB).get(0);
        Map<String, String> places = new LinkedHashMap<>();
        geography.areas(AreaType.PLACE).forEach(a -> places.put(a.code(), a.name()));
        return new ImpactBaseline(
                baseline, last, icb.code(), icb.name(), places, list, factors, staff, community, mentalHealth);
    }

    static final List<String> CELL = List.of("place_code", "sex", "age_band", "imd_quintile", "ethnic_group");

    /**
     * Spells admitted in the year by cell and part. The part is decided in order: a death within 90 days of
     * admission makes an end-of-life admission; else an ACSC primary diagnosis (CCG OIS 2.6); else a person with
     * 3 or more emergency admissions in the year is a frequent attender; else other. Elective and other planned
     * admissions are one part.
     */
    static Query spells(FinancialYear year) {
        AcscClassification acsc = AcscClassification.ccgOis26();
        Query inYear = Query.from(CanonicalSchema.SPELL)
                .where(and(
                        col("admission_date").ge(lit(year.start())),
                        col("admission_date").le(lit(year.end()))))
                .select(
                        "spell_id",
                        "person_id",
                        "admission_method",
                        "admission_date",
                        "discharge_date",
                        "discharge_ready_date",
                        "primary_diagnosis",
                        "secondary_diagnoses",
                        "primary_procedure",
                        "cost_gbp");
        Query perPerson = inYear.where(col("admission_method").eq("emergency"))
                .aggregate(List.of("person_id"), countRows("emergency_admissions"));
        Query deaths = Query.from(CanonicalSchema.PATIENT).select("person_id", "death_date");
        Expr emergency = col("admission_method").eq("emergency");
        Expr daysToDeath = daysBetween(col("admission_date"), col("death_date"));
        return EventAttribution.at(inYear, "spell_id", "admission_date")
                .leftJoin(perPerson, "person_id")
                .leftJoin(deaths, "person_id")
                .derive(
                        Named.as("acsc_condition", acsc.condition()),
                        Named.as("los", daysBetween(col("admission_date"), col("discharge_date"))),
                        Named.as(
                                "delay",
                                when(
                                                and(
                                                        isNotNull(col("discharge_ready_date")),
                                                        col("discharge_ready_date")
                                                                .le(col("discharge_date"))),
                                                daysBetween(col("discharge_ready_date"), col("discharge_date")))
                                        .otherwise(lit(0L))))
                .derive(Named.as(
                        "part",
                        when(not(emergency), lit("ELECTIVE"))
                                .when(
                                        and(
                                                isNotNull(col("death_date")),
                                                daysToDeath.ge(lit(0L)),
                                                daysToDeath.le(lit((long) END_OF_LIFE_DAYS))),
                                        lit("EOL"))
                                .when(isNotNull(col("acsc_condition")), lit("ACSC"))
                                .when(col("emergency_admissions").ge(lit((long) FREQUENT_ADMISSIONS)), lit("FREQUENT"))
                                .otherwise(lit("OTHER"))))
                .aggregate(
                        withPart(),
                        countRows("spells"),
                        sum("bed_days", col("los")),
                        sum(
                                "delay_days",
                                when(isNotNull(col("los")), col("delay")).otherwise(lit(0L))),
                        sum("cost", col("cost_gbp")));
    }

    private static List<String> withPart() {
        List<String> k = new ArrayList<>(CELL);
        k.add("part");
        return k;
    }

    /** Referrals received in the year by cell: community (CSDS) split at 18 as DP 4.7, mental health (MHSDS) as DP 4.9. */
    static Query referrals(FinancialYear year) {
        Query inYear = Query.from(CanonicalSchema.REFERRAL)
                .where(and(
                        col("referral_date").ge(lit(year.start())),
                        col("referral_date").le(lit(year.end()))))
                .select("referral_id", "person_id", "referral_date", "dataset");
        List<String> keys = new ArrayList<>(CELL);
        keys.add("kind");
        return EventAttribution.at(inYear, "referral_id", "referral_date")
                .derive(
                        "kind",
                        when(col("dataset").eq("MHSDS"), lit(Quantity.MENTAL_HEALTH_REFERRALS.name()))
                                .when(
                                        and(
                                                col("dataset").eq("CSDS"),
                                                col("age").ge(lit(18L))),
                                        lit(Quantity.COMMUNITY_REFERRALS_18_PLUS.name()))
                                .when(col("dataset").eq("CSDS"), lit(Quantity.COMMUNITY_REFERRALS_UNDER_18.name()))
                                .otherwise(lit("other")))
                .where(col("kind").ne(lit("other")))
                .aggregate(keys, countRows("referrals"));
    }

    private static void addPopulation(Map<List<String>, double[]> cells, Result r) {
        for (int i = 0; i < r.size(); i++) {
            cells.computeIfAbsent(cellKey(r, i), k -> new double[Quantity.values().length])[
                            Quantity.POPULATION.ordinal()] +=
                    r.getLong(i, "people");
        }
    }

    private static List<String> cellKey(Result r, int i) {
        List<String> k = new ArrayList<>(5);
        for (String c : CELL) {
            Object v = r.get(i, c);
            k.add(v == null ? UNKNOWN : v.toString());
        }
        return k;
    }

    private static double number(Result r, int i, String column) {
        Object v = r.get(i, column);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** Kept beside the workspace (never published): it holds counts of small cells. */
    public void save(Path file) throws IOException {
        new ObjectMapper().writeValue(file.toFile(), this);
    }

    public static ImpactBaseline load(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), ImpactBaseline.class);
    }

    /** The sum of a quantity over every cell. */
    public double total(Quantity q) {
        return cells.stream().mapToDouble(c -> c.q()[q.ordinal()]).sum();
    }
}
