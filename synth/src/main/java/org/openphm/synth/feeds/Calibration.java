package org.openphm.synth.feeds;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The published figures the scalar parts of the feeds are built from, each with its seed section. Series and
 * tables the seeds print cell by cell live in src/main/resources/feeds (see SOURCES.md there).
 */
final class Calibration {
    private Calibration() {}

    // ---- workforce, DP 12.3-12.6 and CfC Part D ---------------------------------------------------------

    /** DP 12.3/12.4: the census date of the staff counts (2025/26 operational plan submission). */
    static final LocalDate WORKFORCE_CENSUS = LocalDate.of(2025, 3, 31);

    /** An organisational unit of DP 12.4 with its headcount and the service area it serves. */
    record Unit(String organisation, String name, int headcount, String serviceArea) {}

    /** DP 12.4 staffing by provider and unit (staff_units.psv). */
    static List<Unit> units() {
        return Psv.read("staff_units.psv").stream()
                .map(r -> new Unit(
                        r.text("organisation"),
                        r.text("unit"),
                        r.number("headcount").intValue(),
                        r.text("service_area")))
                .toList();
    }

    /**
     * A staff group: its share of staff (DP 12.3 gives nursing 34%, clinical support 27%, admin 17%; the rest is
     * split plausibly), its share of all staff aged 55+ and under 30 (DP 12.5 tables, which are distributions of
     * those age groups over staff groups, each summing to 100%), Agenda for Change band mix (chosen so that the
     * overall mix gives DP 12.3's band 6/4/7 = 22/19/17%) and relative vacancy propensity (plausible).
     */
    record StaffGroup(
            String name,
            double share,
            double shareOf55Plus,
            double shareOfUnder30,
            Map<String, Double> bands,
            double vacancyPropensity) {}

    static final List<StaffGroup> STAFF_GROUPS = List.of(
            new StaffGroup(
                    "Nursing and Midwifery Registered",
                    0.34,
                    0.3180,
                    0.1794,
                    Map.of("5", 0.18, "6", 0.44, "7", 0.28, "8a", 0.07, "8b", 0.03),
                    1.4),
            new StaffGroup(
                    "Additional Clinical Services",
                    0.27,
                    0.2364,
                    0.3963,
                    Map.of("2", 0.15, "3", 0.27, "4", 0.48, "5", 0.10),
                    1.0),
            new StaffGroup(
                    "Administrative and Clerical",
                    0.17,
                    0.2636,
                    0.1513,
                    Map.of("2", 0.05, "3", 0.27, "4", 0.32, "5", 0.14, "6", 0.09, "7", 0.08, "8a", 0.05),
                    0.6),
            new StaffGroup(
                    "Allied Health Professionals",
                    0.10,
                    0.0471,
                    0.1373,
                    Map.of("5", 0.14, "6", 0.40, "7", 0.38, "8a", 0.08),
                    1.2),
            new StaffGroup(
                    "Add Prof Scientific and Technic",
                    0.06,
                    0.0826,
                    0.0874,
                    Map.of("4", 0.10, "5", 0.15, "6", 0.25, "7", 0.35, "8a", 0.10, "8b", 0.05),
                    1.1),
            new StaffGroup("Medical and Dental", 0.045, 0.0429, 0.0296, Map.of(), 1.5),
            new StaffGroup("Estates and Ancillary", 0.010, 0.0073, 0.0016, Map.of("2", 0.6, "3", 0.3, "4", 0.1), 0.8),
            new StaffGroup("Students", 0.003, 0.0010, 0.0156, Map.of(), 0.0),
            new StaffGroup("Healthcare Scientists", 0.002, 0.0010, 0.0016, Map.of("6", 0.5, "7", 0.5), 1.0));

    /** DP 12.5 / CfC Part D: 20% of staff aged 55+, 14% under 30. */
    static final double SHARE_55_PLUS = 0.20;

    static final double SHARE_UNDER_30 = 0.14;
    /** DP 12.3: 85% of staff are female. */
    static final double SHARE_FEMALE = 0.85;
    /**
     * DP 12.6 and CfC Part D: 60% White, 38% BME (the remaining 2% not stated). DP 12.3's infographic says
     * 85% White / 15% BME; the two cannot both hold, the generator follows DP 12.6 (see SOURCES.md).
     */
    static final Map<String, Double> STAFF_ETHNICITY =
            Map.of("White", 0.60, "Asian", 0.16, "Black", 0.15, "Mixed", 0.03, "Other", 0.04, "Not stated", 0.02);

    /**
     * Monthly leavers as % of headcount. DP 12.3 gives turnover 11.99% (read as 2024/25); CfC Part D gives 9.4% in
     * the 12 months to June 2025, "falling for the last two years". Both hold only if Apr-Jun 2024 had more leavers
     * than Apr-Jun 2025: Q1 24/25 1.4133%/month, Jul-24..Mar-25 0.8611%, Apr-25 on 0.55% (3x + 9y = 11.99,
     * 9y + 3z = 9.4); earlier years 15% and 14.4% a year.
     */
    static double monthlyLeaverPercent(java.time.YearMonth m) {
        if (m.isBefore(java.time.YearMonth.of(2023, 4))) {
            return 1.25;
        }
        if (m.isBefore(java.time.YearMonth.of(2024, 4))) {
            return 1.20;
        }
        if (m.isBefore(java.time.YearMonth.of(2024, 7))) {
            return (11.99 - 9 * ((9.4 - 3 * 0.55) / 9)) / 3;
        }
        if (m.isBefore(java.time.YearMonth.of(2025, 4))) {
            return (9.4 - 3 * 0.55) / 9;
        }
        return 0.55;
    }

    /** DP 12.3: vacancy rate 7.29% in 2024/25. */
    static final double VACANCY_RATE_2024_25 = 0.0729;
    /** DP 12.3: 308 vacant posts in the 2025/26 plan submission (carried as vacant WTE in April 2025). */
    static final double VACANT_POSTS_2025_26 = 308;

    // ---- finance, CfC "Financial considerations" --------------------------------------------------------

    /** CfC: ICB spend (£m) by category, 2022/23, 2023/24, 2024/25. */
    static final List<String> SPEND_YEARS = List.of("2022/23", "2023/24", "2024/25");

    static final double[] COMMUNITY_SPEND_M = {181.4, 190.4, 203.0};
    static final double[] MENTAL_HEALTH_SPEND_M = {194.9, 217.6, 235.5};

    /** Provider shares of a spend category, "community" or "mental health" (provider_spend_shares.psv). */
    static Map<String, Double> providerShares(String category) {
        Map<String, Double> shares = new java.util.TreeMap<>();
        for (Psv.Row r : Psv.read("provider_spend_shares.psv")) {
            if (r.text("category").equals(category)) {
                shares.put(r.text("provider"), r.number("share"));
            }
        }
        return shares;
    }

    // ---- care contacts, DP 9.2 --------------------------------------------------------------------------

    /**
     * A provider's community care contacts per month (care_contacts.psv) and, where its reporting was defective,
     * the share of them it reported before {@code fixedFrom} (null where it never was).
     */
    record CareContacts(String provider, double monthly, java.time.YearMonth fixedFrom, double reportedShare) {
        double reported(double trueCount, java.time.YearMonth month) {
            return fixedFrom != null && month.isBefore(fixedFrom) ? trueCount * reportedShare : trueCount;
        }
    }

    /** By provider code, in code order. */
    static List<CareContacts> careContacts() {
        return Psv.read("care_contacts.psv").stream()
                .map(r -> new CareContacts(
                        r.text("provider"),
                        r.number("monthly_contacts"),
                        r.text("fixed_from") == null ? null : java.time.YearMonth.parse(r.text("fixed_from")),
                        r.number("reported_share", 1.0)))
                .sorted(java.util.Comparator.comparing(CareContacts::provider))
                .toList();
    }
}
