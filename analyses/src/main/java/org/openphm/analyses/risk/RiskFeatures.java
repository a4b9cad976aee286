package org.openphm.analyses.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The model's features, each computed from a cohort row ({@link RiskCohort}) and documented for the model card.
 * Ethnic group is deliberately absent: it is kept beside the features for the fairness audit only. Scales are
 * chosen so a ridge penalty treats the features alike (ages in decades, blood pressure in 10 mmHg).
 */
public final class RiskFeatures {
    private RiskFeatures() {}

    /** A feature: its name, what it is, and its value for a cohort row (column name → value). */
    public record Feature(String name, String description, ToDoubleFunction<Row> value) {}

    /** A cohort row as the features read it. */
    public interface Row {
        Object get(String column);

        default double number(String column) {
            Object v = get(column);
            return v == null ? 0 : ((Number) v).doubleValue();
        }

        default boolean missing(String column) {
            return get(column) == null;
        }
    }

    public static Row row(Map<String, Object> values) {
        return values::get;
    }

    // the reference tables are read once, not per person
    private static final List<RiskReference.CmsCondition> CMS = RiskReference.cambridgeScore();
    private static final List<RiskReference.Deficit> DEFICITS = RiskReference.frailtyDeficits();

    /** The Cambridge Multimorbidity Score from the registers held (conditions without a register score 0). */
    public static double cambridgeScore(Row r) {
        double score = 0;
        for (RiskReference.CmsCondition c : CMS) {
            if (c.register() != null && r.number(RiskCohort.registerColumn(c.register())) > 0) {
                score += c.weight();
            }
        }
        return score;
    }

    /** The eFI's deficits evidenced by a register, over all 36 (Clegg et al. 2016). */
    public static double frailtyIndex(Row r) {
        int present = 0;
        for (RiskReference.Deficit d : DEFICITS) {
            if (d.registers().stream().anyMatch(reg -> r.number(RiskCohort.registerColumn(reg)) > 0)) {
                present++;
            }
        }
        return (double) present / RiskReference.EFI_DEFICITS;
    }

    private static final List<Feature> ALL = build();

    public static List<Feature> all() {
        return ALL;
    }

    private static List<Feature> build() {
        List<Feature> f = new ArrayList<>();
        f.add(new Feature("age_decades", "Age in years / 10", r -> r.number("age") / 10));
        f.add(new Feature("age_decades_squared", "(Age / 10)², for the J-shaped risk by age",
                r -> Math.pow(r.number("age") / 10, 2)));
        f.add(new Feature("male", "1 for male, 0 otherwise", r -> "M".equals(r.get("sex")) ? 1 : 0));
        for (String q : List.of("1", "2", "3", "4")) {
            f.add(new Feature("imd_quintile_" + q, "1 when living in IMD 2019 quintile " + q
                    + " (1 = most deprived; quintile 5 is the reference)", r -> q.equals(r.get("imd_quintile")) ? 1 : 0));
        }
        f.add(new Feature("imd_unknown", "1 when the LSOA of residence is not in the reference table",
                r -> "Unknown".equals(r.get("imd_quintile")) ? 1 : 0));
        for (String reg : RiskCohort.REGISTERS) {
            String column = RiskCohort.registerColumn(reg);
            f.add(new Feature(column, "On the " + reg + " register on the index date", r -> r.number(column) > 0 ? 1 : 0));
        }
        f.add(new Feature("ltc_count", "Number of long-term condition registers (all but NDH, obesity, palliative)",
                r -> r.number("ltc_count")));
        f.add(new Feature("cambridge_score", "Cambridge Multimorbidity Score, general outcome weights (Payne 2020), "
                + "from the registers held", RiskFeatures::cambridgeScore));
        f.add(new Feature("frailty_index", "eFI deficits evidenced by a register / 36 (Clegg 2016; a partial eFI)",
                RiskFeatures::frailtyIndex));
        f.add(new Feature("emergency_12m", "Emergency admissions in the 12 months before", r -> r.number("emergency_12m")));
        f.add(new Feature("emergency_24m", "Emergency admissions in the 24 months before", r -> r.number("emergency_24m")));
        f.add(new Feature("log_bed_days_12m", "ln(1 + bed days of all spells in the 12 months before)",
                r -> Math.log1p(r.number("bed_days_12m"))));
        f.add(new Feature("log_bed_days_24m", "ln(1 + bed days in the 24 months before)",
                r -> Math.log1p(r.number("bed_days_24m"))));
        f.add(new Feature("elective_12m", "Elective spells in the 12 months before", r -> r.number("elective_12m")));
        f.add(new Feature("community_referrals_12m", "Community service referrals (CSDS) in the 12 months before",
                r -> r.number("community_referrals_12m")));
        f.add(new Feature("mh_referrals_12m", "Mental health referrals (MHSDS) in the 12 months before",
                r -> r.number("mh_referrals_12m")));
        f.add(new Feature("sbp_recorded", "1 when a systolic blood pressure was ever recorded",
                r -> r.missing("latest_sbp") ? 0 : 1));
        f.add(new Feature("sbp_10mmhg", "(Latest systolic BP − 130) / 10 where recorded, else 0",
                r -> r.missing("latest_sbp") ? 0 : (r.number("latest_sbp") - 130) / 10));
        f.add(new Feature("bmi_recorded", "1 when a BMI was ever recorded", r -> r.missing("latest_bmi") ? 0 : 1));
        f.add(new Feature("bmi_5", "(Latest BMI − 27) / 5 where recorded, else 0",
                r -> r.missing("latest_bmi") ? 0 : (r.number("latest_bmi") - 27) / 5));
        return List.copyOf(f);
    }
}
