package org.openphm.analyses.indicator;

import static org.openphm.engine.query.Expr.*;

import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.query.ValueType;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.FinancialYear;

/**
 * Events (spells, detentions, referrals) attributed to the area of the person's GP registration on the day of
 * the event, with the person's characteristics then: the numerator side of an event rate, whose denominator
 * is {@link RegisteredPopulation}. Attribution on the event date, not at the year's end, keeps the events of
 * people who died or moved away later in the year (a large share of heart-failure admissions, say), as the
 * CCG OIS indicators attribute a spell to the practice the patient was registered with at the time.
 *
 * <p>Events of people with no registration on that day are dropped: they belong to no area of the workspace.
 */
public final class EventAttribution {
    private EventAttribution() {}

    /** The columns added to each event, as {@link RegisteredPopulation#at} names them. */
    public static final List<String> ADDED = List.of(
            "practice_code",
            "pcn_code",
            "neighbourhood_code",
            "place_code",
            "icb_code",
            "sex",
            "age",
            "age_band",
            "ethnic_group",
            "imd_quintile");

    /**
     * @param events     must have person_id, a unique {@code idColumn} and the {@code dateColumn}, and none of
     *                   the {@link #ADDED} columns
     * @return the events' columns followed by {@link #ADDED}
     */
    public static Query at(Query events, String idColumn, String dateColumn) {
        Query registration = Query.from(CanonicalSchema.REGISTRATION)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("registration_start", col("start_date")),
                        Named.as("registration_end", col("end_date")));
        Query patient = Query.from(CanonicalSchema.PATIENT)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("sex", col("sex")),
                        Named.as("birth_month", col("birth_month")),
                        Named.as("ethnic_group", ethnicGroup(col("ethnicity"))),
                        Named.as("lsoa_code", col("lsoa")));
        Query practice = Query.from(CanonicalSchema.PRACTICE)
                .select("practice_code", "pcn_code", "neighbourhood_code", "place_code", "icb_code");
        Query lsoa = Query.from(CanonicalSchema.LSOA)
                .select(
                        Named.as("lsoa_code", col("lsoa_code")),
                        Named.as("lsoa_quintile", cast(col("imd_quintile"), ValueType.STRING)));
        Expr date = col(dateColumn);
        Expr age = ageFromBirthMonth(col("birth_month"), date);
        List<Named> out = new ArrayList<>();
        events.columns().forEach(c -> out.add(Named.as(c, col(c))));
        out.add(Named.as("practice_code", col("practice_code")));
        out.add(Named.as("pcn_code", col("pcn_code")));
        out.add(Named.as("neighbourhood_code", col("neighbourhood_code")));
        out.add(Named.as("place_code", col("place_code")));
        out.add(Named.as("icb_code", col("icb_code")));
        out.add(Named.as("sex", col("sex")));
        out.add(Named.as("age", age));
        out.add(Named.as("age_band", ageBand(age, RegisteredPopulation.ESP_BAND_STARTS.toArray(Integer[]::new))));
        out.add(Named.as("ethnic_group", col("ethnic_group")));
        out.add(Named.as("imd_quintile", coalesce(col("lsoa_quintile"), lit(RegisteredPopulation.UNKNOWN_QUINTILE))));
        // The practice is chosen on the events' keys alone, and the events' own columns joined back after: the
        // window then sorts three narrow columns, not every column of every event (a 3.2-million-patient build ran
        // out of memory at 768 MB attributing the emergency spells with all their columns in the window).
        // (a death's id is the person's own)
        Query practiceOnTheDay = events.select(new java.util.LinkedHashSet<>(List.of(idColumn, "person_id", dateColumn))
                        .toArray(String[]::new))
                .join(registration, "person_id")
                .where(and(
                        col("registration_start").le(date),
                        or(
                                isNull(col("registration_end")),
                                col("registration_end").ge(date))))
                // Overlapping registrations (a transfer recorded before the old one ends): the most recent
                // start wins, as in RegisteredPopulation, so no event is counted twice.
                .rowNumber(
                        "registration_rank",
                        List.of(idColumn),
                        SortKey.desc("registration_start"),
                        SortKey.asc("practice_code"))
                .where(col("registration_rank").eq(1))
                .select(Named.as(idColumn, col(idColumn)), Named.as("practice_code", col("practice_code")));
        return events.join(practiceOnTheDay, idColumn)
                .join(patient, "person_id")
                .join(practice, "practice_code")
                .leftJoin(lsoa, "lsoa_code")
                .where(age.ge(lit(0L)))
                .select(out.toArray(Named[]::new));
    }

    /**
     * The events of consecutive financial years, each with the index of its year ({@link PersonYears#YEAR}), to
     * count beside the {@link PersonYears} of the same years. An event's attribution depends on its own date
     * alone, so one pass over all the years gives, year by year, what each year's events give alone.
     *
     * @param events attributed events ({@link #at}), of these years or more
     */
    public static Query byYear(Query events, String dateColumn, List<FinancialYear> years) {
        Expr date = col(dateColumn);
        return events.where(and(
                        date.ge(lit(years.get(0).start())),
                        date.le(lit(years.get(years.size() - 1).end()))))
                // within the years, the first year ending on or after the date is the year it falls in
                .derive(PersonYears.YEAR, PersonYears.firstEndingOnOrAfter(date, years));
    }
}
