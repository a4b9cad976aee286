package org.openphm.ingest;

import static org.openphm.model.CanonicalSchema.CONDITION;
import static org.openphm.model.CanonicalSchema.DETENTION;
import static org.openphm.model.CanonicalSchema.OBSERVATION;
import static org.openphm.model.CanonicalSchema.PATIENT;
import static org.openphm.model.CanonicalSchema.REFERRAL;
import static org.openphm.model.CanonicalSchema.REGISTRATION;
import static org.openphm.model.CanonicalSchema.SPELL;
import static org.openphm.model.CanonicalSchema.WAITING_ENTRY;
import static org.openphm.model.CanonicalSchema.WORKFORCE;

import java.time.LocalDate;
import java.util.List;
import org.openphm.model.Table;
import org.openphm.model.TableKind;

/**
 * What makes a date impossible in the canonical model. Decisions (documented in the module README):
 * <ul>
 * <li>no date before 1900-01-01 anywhere (a placeholder such as 1800-01-01 is a missing value in disguise);</li>
 * <li>patient-level dates after the extract's as-of date are "in the future" and refused; aggregate feeds are
 *     not checked, as they legitimately hold planned dates (contract expiry, projections);</li>
 * <li>an end before its start is refused; so is a ready-for-discharge date after the discharge itself, as
 *     delayed-discharge bed days (DP 9) would come out negative;</li>
 * <li>events starting after the patient's death date are refused with no grace period: the same day is
 *     allowed (deaths in hospital), the day after is not, because every count in the pack is of activity of
 *     living people and a post-mortem admission is a linkage error.</li>
 * </ul>
 */
final class DateRules {
    private DateRules() {}

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** {@code end} must not be before {@code start}; the row is quarantined on {@code blamed}. */
    record Order(Table table, String start, String end, String blamed, String reason) {}

    static final List<Order> ORDERS = List.of(
            new Order(PATIENT, "birth_month", "death_date", "death_date", "death before birth"),
            new Order(
                    REGISTRATION,
                    "start_date",
                    "end_date",
                    "end_date",
                    "end before start: end_date is before start_date"),
            new Order(
                    CONDITION,
                    "diagnosis_date",
                    "resolved_date",
                    "resolved_date",
                    "end before start: resolved_date is before diagnosis_date"),
            new Order(
                    REFERRAL,
                    "referral_date",
                    "first_contact_date",
                    "first_contact_date",
                    "end before start: first_contact_date is before referral_date"),
            new Order(
                    REFERRAL,
                    "referral_date",
                    "discharge_date",
                    "discharge_date",
                    "end before start: discharge_date is before referral_date"),
            new Order(
                    SPELL,
                    "admission_date",
                    "discharge_date",
                    "discharge_date",
                    "end before start: discharge_date is before admission_date"),
            new Order(
                    SPELL,
                    "admission_date",
                    "discharge_ready_date",
                    "discharge_ready_date",
                    "end before start: discharge_ready_date is before admission_date"),
            new Order(
                    SPELL,
                    "discharge_ready_date",
                    "discharge_date",
                    "discharge_ready_date",
                    "discharge_ready_date is after discharge_date"),
            new Order(
                    DETENTION, "start_date", "end_date", "end_date", "end before start: end_date is before start_date"),
            new Order(
                    WAITING_ENTRY,
                    "wait_start_date",
                    "snapshot_date",
                    "wait_start_date",
                    "wait_start_date is after snapshot_date"),
            new Order(
                    WORKFORCE,
                    "start_date",
                    "leave_date",
                    "leave_date",
                    "end before start: leave_date is before start_date"));

    /** An event of a person that cannot happen after their death. */
    record LifeEvent(Table table, String column) {}

    static final List<LifeEvent> EVENTS_IN_LIFE = List.of(
            new LifeEvent(REGISTRATION, "start_date"),
            new LifeEvent(CONDITION, "diagnosis_date"),
            new LifeEvent(OBSERVATION, "date"),
            new LifeEvent(REFERRAL, "referral_date"),
            new LifeEvent(SPELL, "admission_date"),
            new LifeEvent(DETENTION, "start_date"),
            new LifeEvent(WAITING_ENTRY, "wait_start_date"));

    static boolean refusesFutureDates(Table table) {
        return table.kind() == TableKind.PATIENT_LEVEL;
    }
}
