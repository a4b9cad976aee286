package org.openphm.analyses.quality;

import static org.openphm.engine.query.Expr.and;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.in;
import static org.openphm.engine.query.Expr.isNotNull;
import static org.openphm.engine.query.Expr.isNull;
import static org.openphm.engine.query.Expr.or;

import java.util.List;
import java.util.Map;
import org.openphm.engine.query.Expr;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * One data-quality check on a canonical table: a completeness check (a field that should be recorded is empty)
 * or a validity check (values that cannot both be true). {@code failing} is true for a row that fails.
 *
 * @param name        short id, e.g. "provider_site" or "discharge_before_admission"
 * @param consequence what a failing row does to the analyses, for caveats ("comparison of sites is unreliable")
 */
public record DataQualityCheck(
        String table, String name, Kind kind, Expr failing, String description, String consequence) {

    public enum Kind {
        COMPLETENESS,
        VALIDITY
    }

    static DataQualityCheck missing(Table table, String field, String consequence) {
        return new DataQualityCheck(
                table.name(), field, Kind.COMPLETENESS, isNull(col(field)), field + " not recorded", consequence);
    }

    /**
     * The checks of each patient-level table whose gaps change what the data pack can say (DP 9.2): the fields
     * analyses group or join by, and date orders the analyses' durations rely on. Required columns are not
     * checked: ingest quarantines rows without them.
     */
    public static final Map<String, List<DataQualityCheck>> BY_TABLE = Map.of(
            CanonicalSchema.REFERRAL.name(),
                    List.of(
                            missing(
                                    CanonicalSchema.REFERRAL,
                                    "service",
                                    "referrals with no team type cannot be given to a "
                                            + "service line and are under-counted in service analyses (DP 4.7, 4.9 'N/A' row)"),
                            missing(CanonicalSchema.REFERRAL, "source", "referral sources are under-counted"),
                            missing(
                                    CanonicalSchema.REFERRAL,
                                    "accepted",
                                    "acceptance rates exclude these referrals (DP 8.3)"),
                            new DataQualityCheck(
                                    CanonicalSchema.REFERRAL.name(),
                                    "first_contact_before_referral",
                                    Kind.VALIDITY,
                                    and(
                                            isNotNull(col("first_contact_date")),
                                            col("first_contact_date").lt(col("referral_date"))),
                                    "first care contact dated before the referral",
                                    "waiting times are understated"),
                            new DataQualityCheck(
                                    CanonicalSchema.REFERRAL.name(),
                                    "discharge_before_referral",
                                    Kind.VALIDITY,
                                    and(
                                            isNotNull(col("discharge_date")),
                                            col("discharge_date").lt(col("referral_date"))),
                                    "discharge dated before the referral",
                                    "caseload and duration figures are wrong")),
            CanonicalSchema.SPELL.name(),
                    List.of(
                            missing(
                                    CanonicalSchema.SPELL,
                                    "provider_site",
                                    "site-level comparisons (DP 8.13-8.15) are "
                                            + "unlikely to be meaningful where most sites are missing"),
                            missing(
                                    CanonicalSchema.SPELL,
                                    "discharge_destination",
                                    "discharge pathways are under-counted"),
                            new DataQualityCheck(
                                    CanonicalSchema.SPELL.name(),
                                    "discharge_before_admission",
                                    Kind.VALIDITY,
                                    and(
                                            isNotNull(col("discharge_date")),
                                            col("discharge_date").lt(col("admission_date"))),
                                    "discharge dated before admission",
                                    "length of stay is wrong"),
                            new DataQualityCheck(
                                    CanonicalSchema.SPELL.name(),
                                    "ready_outside_spell",
                                    Kind.VALIDITY,
                                    and(
                                            isNotNull(col("discharge_ready_date")),
                                            or(
                                                    col("discharge_ready_date").lt(col("admission_date")),
                                                    and(
                                                            isNotNull(col("discharge_date")),
                                                            col("discharge_ready_date")
                                                                    .gt(col("discharge_date"))))),
                                    "clinically ready date outside the spell",
                                    "delayed discharge days are wrong (DP 8.13)")),
            CanonicalSchema.PATIENT.name(),
                    List.of(new DataQualityCheck(
                            CanonicalSchema.PATIENT.name(),
                            "ethnicity",
                            Kind.COMPLETENESS,
                            or(isNull(col("ethnicity")), in(col("ethnicity"), "Z", "99")),
                            "ethnicity not stated",
                            "breakdowns by ethnic group under-count every group")));

    public static List<DataQualityCheck> of(Table table) {
        return BY_TABLE.getOrDefault(table.name(), List.of());
    }
}
