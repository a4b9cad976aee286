package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;

import java.time.LocalDate;
import java.util.List;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;

/**
 * The registered population on a reference date, one row per person, with everything a breakdown needs:
 * the geography of their practice (a person belongs to the practice, and so the Place and neighbourhood, of
 * their registration on the date — docs/DATA_MODEL.generated.md), their age on the date, sex, broad ethnic group and the
 * deprivation quintile of where they live. Every prevalence and rate denominator starts here.
 */
public final class RegisteredPopulation {
    private RegisteredPopulation() {}

    /** The 19 five-year bands of the 2013 European Standard Population, so DSRs need no re-banding. */
    public static final List<Integer> ESP_BAND_STARTS =
            List.of(0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90);

    /** Deprivation quintile label when a person's LSOA is not in the lsoa reference table. */
    public static final String UNKNOWN_QUINTILE = "Unknown";

    /** Deprivation decile label when a person's LSOA is not in the lsoa reference table. */
    public static final String UNKNOWN_DECILE = "Unknown";

    /**
     * Columns: person_id, practice_code, pcn_code, neighbourhood_code, place_code, icb_code, sex, age,
     * age_band, ethnic_group, imd_quintile. A {@link Query.Shared} result: dozens of indicators and analyses
     * start from the population of the same date, and the engine derives it once and reuses it.
     */
    public static Query at(LocalDate date) {
        return once(date).shared("registered_population_" + date.toString().replace('-', '_'));
    }

    /**
     * The same population as a plain query, for a date only one query reads (the mid-year populations of the
     * mortality measures): keeping it would hold a million rows in memory for nothing.
     */
    public static Query once(LocalDate date) {
        Lit ref = lit(date);
        // Overlapping registrations happen in real extracts (a transfer recorded before the old one ends):
        // the most recent start wins, so nobody is counted twice.
        Query registration = Query.from(CanonicalSchema.REGISTRATION)
                .where(and(
                        col("start_date").le(ref),
                        or(isNull(col("end_date")), col("end_date").ge(ref))))
                .rowNumber(
                        "registration_rank",
                        List.of("person_id"),
                        SortKey.desc("start_date"),
                        SortKey.asc("practice_code"))
                .where(col("registration_rank").eq(1))
                .select("person_id", "practice_code");
        Query alive = Query.from(CanonicalSchema.PATIENT)
                .where(or(isNull(col("death_date")), col("death_date").gt(ref)))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("sex", col("sex")),
                        Named.as("age", ageFromBirthMonth(col("birth_month"), ref)),
                        Named.as("ethnic_group", ethnicGroup(col("ethnicity"))),
                        Named.as("lsoa_code", col("lsoa")));
        Query practice = Query.from(CanonicalSchema.PRACTICE)
                .select("practice_code", "pcn_code", "neighbourhood_code", "place_code", "icb_code");
        Query lsoa = Query.from(CanonicalSchema.LSOA)
                .select(
                        Named.as("lsoa_code", col("lsoa_code")),
                        Named.as("lsoa_quintile", cast(col("imd_quintile"), ValueType.STRING)));
        return registration
                .join(alive, "person_id")
                .join(practice, "practice_code")
                .leftJoin(lsoa, "lsoa_code")
                .where(col("age").ge(lit(0)))
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("pcn_code", col("pcn_code")),
                        Named.as("neighbourhood_code", col("neighbourhood_code")),
                        Named.as("place_code", col("place_code")),
                        Named.as("icb_code", col("icb_code")),
                        Named.as("sex", col("sex")),
                        Named.as("age", col("age")),
                        Named.as("age_band", ageBand(col("age"), ESP_BAND_STARTS.toArray(Integer[]::new))),
                        Named.as("ethnic_group", col("ethnic_group")),
                        Named.as("imd_quintile", coalesce(col("lsoa_quintile"), lit(UNKNOWN_QUINTILE))));
    }
}
