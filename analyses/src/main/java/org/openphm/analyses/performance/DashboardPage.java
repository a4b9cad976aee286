package org.openphm.analyses.performance;

import java.time.YearMonth;
import java.util.List;

/**
 * One page of the data pack's performance dashboards: which metrics it shows and the month its 12-month
 * window ends ("Rolling 12 Months" as printed). The analysis shows that window and the latest month in the
 * data; SPC uses the whole series.
 *
 * @param dataPackMonth the last month the page prints; its 12-month window ends there
 */
public record DashboardPage(String id, String section, String title, String definition, List<PageMetric> metrics,
                            YearMonth dataPackMonth, List<String> caveats) {

    public static final int WINDOW_MONTHS = 12;

    /**
     * A metric as the page shows it: its name and unit, and the organisations it is printed for (each gets its
     * SPC and trend charts; other organisations in the data are still in the tables).
     */
    public record PageMetric(String id, String name, String unit, List<String> orgCodes) {
        public PageMetric {
            orgCodes = List.copyOf(orgCodes);
        }
    }

    public DashboardPage {
        metrics = List.copyOf(metrics);
        caveats = List.copyOf(caveats);
    }

    public List<String> metricIds() {
        return metrics.stream().map(PageMetric::id).toList();
    }

    public boolean inWindow(YearMonth month, YearMonth end) {
        return !month.isAfter(end) && month.isAfter(end.minusMonths(WINDOW_MONTHS));
    }

    /** The data pack's five dashboard pages (DP 7.2, 7.4, 7.5, 7.6, 8.12); DP 7.3 is {@link RegionalBenchmarking}. */
    public static List<DashboardPage> dataPack() {
        return List.of(
                new DashboardPage("dp-7.2-virtual-wards", "DP 7.2", "Virtual wards: occupancy, capacity and utilisation",
                        "ICB virtual ward (hospital at home) occupancy (% of capacity in use), capacity (beds) and "
                                + "utilisation (occupied beds), monthly, against the monthly threshold and the East of "
                                + "England and England values.",
                        List.of(new PageMetric("vw_occupancy", "Virtual wards occupancy", "%", List.of("QHG")), new PageMetric("vw_capacity", "Virtual wards capacity (beds)", "beds", List.of("QHG")), new PageMetric("vw_utilisation", "Virtual wards utilisation (occupied beds)", "beds", List.of("QHG"))), YearMonth.of(2025, 6),
                        List.of("DP 7.2 says the 80% occupancy target 'was only met in April 25', but its own table "
                                + "prints 86.00% for Jul-24: both months meet it here (a conflict in the data pack, "
                                + "kept visible).",
                                "Capacity fell from 340 to 235 beds after the hub-and-spoke review and spoke reporting "
                                        + "ceased in Milton Keynes (DP 7.2): a change in what is counted, not only in "
                                        + "the service.")),
                new DashboardPage("dp-7.4-mental-health-performance", "DP 7.4",
                        "Adult mental health: Talking Therapies and early intervention in psychosis",
                        "NHS Talking Therapies courses of treatment, reliable recovery and reliable improvement, and "
                                + "early intervention in psychosis treated within 2 weeks of referral, monthly by "
                                + "provider (trust-wide: ELFT for Bedfordshire and Luton, CNWL for Milton Keynes, "
                                + "other providers), against threshold and standard.",
                        List.of(new PageMetric("tt_courses", "Talking Therapies: courses of treatment", "courses", List.of("RWK", "RV3", "OTHER")), new PageMetric("tt_reliable_recovery", "Talking Therapies: reliable recovery", "%", List.of("RWK", "RV3", "OTHER")), new PageMetric("tt_reliable_improvement", "Talking Therapies: reliable improvement", "%", List.of("RWK", "RV3", "OTHER")), new PageMetric("eip_2weeks", "Early intervention in psychosis: treated within 2 weeks", "%", List.of("RWK", "RV3"))),
                        YearMonth.of(2025, 5),
                        List.of("Talking Therapies courses of treatment have no national or local target (a "
                                        + "monitoring metric, DP 7.4): no assurance icon.",
                                "Reliable recovery 50% and reliable improvement 68% are national expectations for "
                                        + "March 2026; the thresholds from April 2025 are the submitted plans (DP 7.4).",
                                "Provider trust-wide figures, not Places: ELFT also serves Bedford Borough and Central "
                                        + "Bedfordshire, CNWL Milton Keynes.")),
                new DashboardPage("dp-7.5-out-of-area-placements", "DP 7.5", "Inappropriate out of area placements",
                        "Inappropriate adult acute mental health out of area placements active in the month, and bed "
                                + "days in out of area placements in the quarter, for the ICB, against plan and the "
                                + "East of England and England values. Lower is better.",
                        List.of(new PageMetric("oap_bed_days", "Inappropriate out of area bed days (quarter)", "bed days", List.of("QHG")), new PageMetric("oap_placements", "Inappropriate out of area placements", "placements", List.of("QHG"))), YearMonth.of(2025, 5),
                        List.of("Bed days are published per quarter: the trend arrow compares a quarter with the "
                                        + "six quarters before it and SPC runs on quarterly points.",
                                "The plan's trajectory runs to zero placements by 2025/26; local CNWL data shows 0 "
                                        + "placements while the national return does not (DP 7.5).")),
                new DashboardPage("dp-7.6-cyp-eating-disorders", "DP 7.6",
                        "Children and young people's eating disorders: routine and urgent access",
                        "Percentage of children and young people with an eating disorder seen within 4 weeks "
                                + "(routine) and 1 week (urgent) of referral, by provider, against the 95% NHS "
                                + "England access and waiting time standard.",
                        List.of(new PageMetric("cyp_ed_routine", "CYP eating disorders: routine seen within 4 weeks", "%", List.of("RWK", "RV3")), new PageMetric("cyp_ed_urgent", "CYP eating disorders: urgent seen within 1 week", "%", List.of("RWK", "RV3"))), YearMonth.of(2025, 5),
                        List.of("Very small numbers: 'there is often just one patient not meeting the target' (DP "
                                        + "7.6), so single months swing between 0% and 100%.",
                                "The DP prints 0.00% in some months (e.g. Bedfordshire and Luton routine in Apr-25 and "
                                        + "May-25) that probably mean no cases completed rather than none on time; "
                                        + "they are kept as published.")),
                new DashboardPage("dp-8.12-primary-care-access", "DP 8.12", "Primary care access",
                        "Appointments in general practice: number, % on the same day as booked, % with a health "
                                + "professional other than a GP and % seen within 2 weeks, monthly for the ICB, "
                                + "against threshold and the East of England and England values.",
                        List.of(new PageMetric("gp_appointments", "Appointments in general practice", "appointments", List.of("QHG")), new PageMetric("gp_same_day", "Same-day appointments", "%", List.of("QHG")), new PageMetric("gp_non_gp", "Appointments with a professional other than a GP", "%", List.of("QHG")), new PageMetric("gp_within_2_weeks", "Appointments within 2 weeks of booking", "%", List.of("QHG"))),
                        YearMonth.of(2025, 5),
                        List.of("Appointment counts depend on working days in the month (October and March are "
                                        + "long months): SPC signals in counts may be calendar effects.",
                                "DP 8.12 prints an up arrow for the number of appointments in May-25, but its own "
                                        + "figures give 534,833 against a previous-6-month mean of 536,405 (down): "
                                        + "the arrow here is computed from the figures.")));
    }
}
