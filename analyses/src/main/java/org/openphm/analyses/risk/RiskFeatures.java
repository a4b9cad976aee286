package org.openphm.analyses.risk;

import static org.openphm.engine.query.Expr.cast;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.isNull;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.math;
import static org.openphm.engine.query.Expr.or;
import static org.openphm.engine.query.Expr.when;

import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.ValueType;

/**
 * The model's features, each an engine-neutral expression over a cohort row ({@link RiskCohort}) and documented
 * for the model card. Defined once: the same expressions feed the fit (read back from the engine) and the
 * scoring of a whole population inside the engine, so the two cannot drift apart. Ethnic group is deliberately
 * absent: it is kept beside the features for the fairness audit only. Scales are chosen so a ridge penalty
 * treats the features alike (ages in decades, blood pressure in 10 mmHg).
 */
public final class RiskFeatures {
    private RiskFeatures() {}

    /** A feature: its column name, what it is, and how it is computed from the cohort's columns. */
    public record Feature(String name, String description, Expr expression) {
        public Named named() {
            return Named.as(name, expression);
        }
    }

    private static final List<Feature> ALL = build();

    private static final List<String> NAMES = ALL.stream().map(Feature::name).toList();

    public static List<Feature> all() {
        return ALL;
    }

    /** The features' column names in order: what a fitted model must have been fitted on. */
    public static List<String> names() {
        return NAMES;
    }

    /** The Cambridge Multimorbidity Score from the registers held (conditions without a register score 0). */
    public static Expr cambridgeScore() {
        Expr score = lit(0.0);
        for (RiskReference.CmsCondition c : RiskReference.cambridgeScore()) {
            if (c.register() != null) {
                score = score.plus(lit(c.weight()).times(flag(c.register())));
            }
        }
        return score;
    }

    /** The eFI's deficits evidenced by a register, over all 36 (Clegg et al. 2016): a partial eFI. */
    public static Expr frailtyIndex() {
        Expr present = lit(0.0);
        for (RiskReference.Deficit d : RiskReference.frailtyDeficits()) {
            if (d.registers().isEmpty()) {
                continue;
            }
            Expr any = or(d.registers().stream()
                    .map(r -> col(RiskCohort.registerColumn(r)).gt(lit(0L)))
                    .toArray(Expr[]::new));
            present = present.plus(when(any, lit(1.0)).otherwise(lit(0.0)));
        }
        return present.dividedBy(lit((double) RiskReference.EFI_DEFICITS));
    }

    private static Expr flag(String register) {
        return when(col(RiskCohort.registerColumn(register)).gt(lit(0L)), lit(1.0))
                .otherwise(lit(0.0));
    }

    private static Expr number(String column) {
        return cast(col(column), ValueType.DOUBLE);
    }

    private static Expr indicator(Expr condition) {
        return when(condition, lit(1.0)).otherwise(lit(0.0));
    }

    private static List<Feature> build() {
        List<Feature> f = new ArrayList<>();
        Expr decades = number("age").dividedBy(lit(10.0));
        f.add(new Feature("age_decades", "Age in years / 10", decades));
        f.add(new Feature("age_decades_squared", "(Age / 10)², for the J-shaped risk by age", decades.times(decades)));
        f.add(new Feature(
                "male", "1 for male, 0 otherwise", indicator(col("sex").eq("M"))));
        for (String q : List.of("1", "2", "3", "4")) {
            f.add(new Feature(
                    "imd_quintile_" + q,
                    "1 when living in IMD 2019 quintile " + q + " (1 = most deprived; quintile 5 is the reference)",
                    indicator(col("imd_quintile").eq(q))));
        }
        f.add(new Feature(
                "imd_unknown",
                "1 when the LSOA of residence is not in the reference table",
                indicator(col("imd_quintile").eq("Unknown"))));
        for (String reg : RiskCohort.REGISTERS) {
            f.add(new Feature(
                    RiskCohort.registerColumn(reg), "On the " + reg + " register on the index date", flag(reg)));
        }
        f.add(new Feature(
                "ltc_count",
                "Number of long-term condition registers (all but NDH, obesity, palliative)",
                number("ltc_count")));
        f.add(new Feature(
                "cambridge_score",
                "Cambridge Multimorbidity Score, general outcome weights (Payne 2020), " + "from the registers held",
                cambridgeScore()));
        f.add(new Feature(
                "frailty_index",
                "eFI deficits evidenced by a register / 36 (Clegg 2016; a partial eFI)",
                frailtyIndex()));
        f.add(new Feature("emergency_12m", "Emergency admissions in the 12 months before", number("emergency_12m")));
        f.add(new Feature("emergency_24m", "Emergency admissions in the 24 months before", number("emergency_24m")));
        f.add(new Feature(
                "log_bed_days_12m",
                "ln(1 + bed days of all spells in the 12 months before)",
                math(Expr.MathOp.LN, lit(1.0).plus(number("bed_days_12m")))));
        f.add(new Feature(
                "log_bed_days_24m",
                "ln(1 + bed days in the 24 months before)",
                math(Expr.MathOp.LN, lit(1.0).plus(number("bed_days_24m")))));
        f.add(new Feature("elective_12m", "Elective spells in the 12 months before", number("elective_12m")));
        f.add(new Feature(
                "community_referrals_12m",
                "Community service referrals (CSDS) in the 12 months before",
                number("community_referrals_12m")));
        f.add(new Feature(
                "mh_referrals_12m",
                "Mental health referrals (MHSDS) in the 12 months before",
                number("mh_referrals_12m")));
        f.add(new Feature(
                "sbp_recorded",
                "1 when a systolic blood pressure was ever recorded",
                indicator(Expr.isNotNull(col("latest_sbp")))));
        f.add(new Feature(
                "sbp_10mmhg",
                "(Latest systolic BP − 130) / 10 where recorded, else 0",
                when(isNull(col("latest_sbp")), lit(0.0))
                        .otherwise(number("latest_sbp").minus(lit(130.0)).dividedBy(lit(10.0)))));
        f.add(new Feature(
                "bmi_recorded", "1 when a BMI was ever recorded", indicator(Expr.isNotNull(col("latest_bmi")))));
        f.add(new Feature(
                "bmi_5",
                "(Latest BMI − 27) / 5 where recorded, else 0",
                when(isNull(col("latest_bmi")), lit(0.0))
                        .otherwise(number("latest_bmi").minus(lit(27.0)).dividedBy(lit(5.0)))));
        return List.copyOf(f);
    }
}
