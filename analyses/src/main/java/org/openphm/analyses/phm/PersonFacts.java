package org.openphm.analyses.phm;

import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.in;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Measure.countDistinct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.risk.RiskCohort;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;

/**
 * What segment rules and cohort files may ask of a person registered on an index date: one row per person,
 * every fact as of that date and nothing after it (the risk model's outcomes are left out, so no criterion can
 * look into the future). Built on the risk model's cohort ({@link RiskCohort}), so a register or an admission
 * count means the same thing in a risk score, a segment and a cohort.
 */
public final class PersonFacts {
    private PersonFacts() {}

    /** The kind of value a fact holds, so a criterion comparing a number with a text is refused. */
    public enum Kind {
        NUMBER,
        TEXT
    }

    public record Fact(String name, Kind kind, String description) {}

    /** The observations that make up the part of an annual physical health check our data carries. */
    static final List<String> CHECKS = List.of("BP_SYS", "BMI", "HBA1C");

    private static final Map<String, Fact> FACTS = new LinkedHashMap<>();

    static {
        text("sex", "F, M or U");
        number("age", "Age in whole years on the index date");
        text("imd_quintile", "IMD 2019 quintile of the LSOA of residence, 1 (most deprived) to 5, as text");
        text("ethnic_group", "Ethnic group (the five broad ONS groups or Not stated)");
        text("practice_code", "Registered GP practice");
        text("pcn_code", "Primary care network of the practice");
        text("neighbourhood_code", "Neighbourhood of the practice");
        text("place_code", "Place of the practice");
        text("icb_code", "ICB of the practice");
        for (String r : RiskCohort.REGISTERS) {
            number(RiskCohort.registerColumn(r), "1 when on the " + r + " register on the index date, else 0");
        }
        number("ltc_count", "Number of long-term condition registers (all but NDH, obesity and palliative care)");
        number("cambridge_score", "Cambridge Multimorbidity Score, general outcome weights (Payne et al. 2020)");
        number("frailty_index", "Partial electronic Frailty Index: deficits evidenced by a register / 36 (Clegg 2016)");
        number("emergency_12m", "Emergency admissions in the 12 months before the index date");
        number("emergency_24m", "Emergency admissions in the 24 months before");
        number("bed_days_12m", "Bed days of all spells in the 12 months before");
        number("bed_days_24m", "Bed days in the 24 months before");
        number("elective_12m", "Elective spells in the 12 months before");
        number("community_referrals_12m", "Community service referrals (CSDS) in the 12 months before");
        number("mh_referrals_12m", "Mental health referrals (MHSDS) in the 12 months before");
        number("cost_12m", "Cost of the spells in the 12 months before, £");
        number("latest_sbp", "Latest systolic blood pressure on or before the index date (none when never recorded)");
        number("latest_bmi", "Latest BMI on or before the index date (none when never recorded)");
        number(
                "health_checks_12m",
                "Of blood pressure, BMI and HbA1c, how many were recorded in the 12 months "
                        + "before (0-3): the part of the annual physical health check for people with SMI or a learning "
                        + "disability that our data carries (the check has six parts; lipids, smoking and alcohol are not "
                        + "held)");
    }

    private static void text(String name, String description) {
        FACTS.put(name, new Fact(name, Kind.TEXT, description));
    }

    private static void number(String name, String description) {
        FACTS.put(name, new Fact(name, Kind.NUMBER, description));
    }

    /** Every fact of {@link #on}, in column order after person_id. */
    public static List<Fact> all() {
        return List.copyOf(FACTS.values());
    }

    /**
     * One row per person registered on the index date: person_id and every fact of {@link #all()}.
     */
    public static Query on(LocalDate index) {
        Expr date = col("date");
        Query checks = Query.from(CanonicalSchema.OBSERVATION)
                .where(and(in(col("code"), CHECKS), date.ge(lit(index.minusMonths(12))), date.lt(lit(index))))
                .aggregate(List.of("person_id"), countDistinct("health_checks_12m", col("code")));
        List<Named> out = new ArrayList<>();
        out.add(Named.as("person_id", col("person_id")));
        for (Fact f : FACTS.values()) {
            out.add(
                    f.name().equals("health_checks_12m")
                            ? Named.as(f.name(), Expr.cast(Expr.coalesce(col(f.name()), lit(0L)), ValueType.LONG))
                            : Named.as(f.name(), col(f.name())));
        }
        return RiskCohort.withFeatures(index).leftJoin(checks, "person_id").select(out.toArray(Named[]::new));
    }

    /**
     * Checks what the schema cannot: that every fact a criterion reads exists here (or among {@code extra}, the
     * text facts a cohort adds: segment, risk stratum) and that a number is compared with a number and a text with
     * a text. {@code where} names the criterion's field in its file.
     */
    public static void check(Criterion c, Map<String, Kind> extra, String where) {
        if (c instanceof Criterion.Not n) {
            check(n.term(), extra, where + ".not");
        } else if (c instanceof Criterion.All all) {
            for (int i = 0; i < all.terms().size(); i++) {
                check(all.terms().get(i), extra, where + ".all[" + i + "]");
            }
        } else if (c instanceof Criterion.Any any) {
            for (int i = 0; i < any.terms().size(); i++) {
                check(any.terms().get(i), extra, where + ".any[" + i + "]");
            }
        } else if (c instanceof Criterion.OneOf o) {
            if (kind(o.fact(), extra, where) != Kind.TEXT) {
                throw new CheckedFile.Invalid("field " + where + ".in: " + o.fact() + " is a number; compare it "
                        + "with op and value instead");
            }
        } else if (c instanceof Criterion.Compare cmp) {
            Kind k = kind(cmp.fact(), extra, where);
            boolean number = cmp.value() instanceof Number;
            if (k == Kind.NUMBER && !number || k == Kind.TEXT && number) {
                throw new CheckedFile.Invalid("field " + where + ".value: " + cmp.fact() + " is a "
                        + k.name().toLowerCase(java.util.Locale.ROOT) + ", so its value must be one too (got "
                        + cmp.value() + ")" + (k == Kind.TEXT ? "; write it in quotes" : ""));
            }
        }
    }

    private static Kind kind(String fact, Map<String, Kind> extra, String where) {
        Fact f = FACTS.get(fact);
        if (f != null) {
            return f.kind();
        }
        Kind k = extra.get(fact);
        if (k == null) {
            throw new CheckedFile.Invalid("field " + where + ".fact: " + fact + " cannot be used here (it is for "
                    + "cohort files only; segment rules see the facts of PersonFacts)");
        }
        return k;
    }
}
