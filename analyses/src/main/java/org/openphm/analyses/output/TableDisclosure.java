package org.openphm.analyses.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Disclosure control of an analysis table before it is published. Columns that count people or events from
 * patient-level or staff records (declared with type "count", or named in {@link #PERSON_COUNTS}) are
 * published under the rule: 1 to 7 suppressed, the rest rounded. In a row where a count is suppressed, every
 * fractional value (shares, rates, means) is withheld too, since it may be worked back from the count; a
 * {@code disclosure_note} column says why. This is NHS Digital's rule for HES and ECDS outputs since September
 * 2018 ("Disclosure control methodology for Hospital Episode Statistics (HES) and Emergency Care Data Set
 * (ECDS)", digital.nhs.uk), which replaced secondary suppression: with every published count rounded to 5,
 * totals included, a hidden 1-7 cannot be recovered exactly by subtraction. Indicator results, whose margins
 * (geography and breakdowns) are known, get secondary suppression as well ({@code indicator.DisclosureStep}).
 */
public final class TableDisclosure {
    private TableDisclosure() {}

    /**
     * Column names that count people or events wherever they appear in the pack's analysis tables. Listing
     * them in one place keeps the publication rule out of each analysis; modelled figures (projections) and
     * sums of days are not counts of people and are not listed.
     */
    static final Set<String> PERSON_COUNTS = Set.of("people", "row_people", "both_people", "admissions",
            "emergency_admissions", "previous_year_acsc_admissions", "no_procedure", "spells", "delayed_spells",
            "spells_with_ready_date", "discharged", "referrals", "referrals_2023_24", "register_count", "deaths",
            "observed_deaths", "population", "registered", "registered_population", "denominator", "headcount",
            "headcount_start", "headcount_end", "leavers", "under_30", "accepted", "count");

    public static final String NOTE = "disclosure_note";

    public static boolean isCount(AnalysisTable.Column c) {
        return c.type().equals("count") || (c.type().equals("integer") && PERSON_COUNTS.contains(c.name()));
    }

    public static AnalysisTable apply(AnalysisTable table, DisclosureRule rule) {
        List<AnalysisTable.Column> columns = table.columns();
        boolean[] count = new boolean[columns.size()];
        boolean any = false;
        for (int i = 0; i < count.length; i++) {
            count[i] = isCount(columns.get(i));
            any |= count[i];
        }
        if (!any) {
            return table;
        }
        List<AnalysisTable.Column> out = new ArrayList<>(columns);
        out.add(new AnalysisTable.Column(NOTE, "string", "Why values in this row are hidden or rounded"));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> r = new ArrayList<>(row);
            boolean suppressed = false;
            boolean rounded = false;
            for (int i = 0; i < count.length; i++) {
                if (count[i] && r.get(i) instanceof Number n) {
                    long v = Math.round(n.doubleValue());
                    if (rule.suppresses(v)) {
                        r.set(i, null);
                        suppressed = true;
                    } else if (rule.round(v) != v) {
                        r.set(i, rule.round(v));
                        rounded = true;
                    }
                }
            }
            if (suppressed) {
                for (int i = 0; i < count.length; i++) {
                    if (columns.get(i).type().equals("number")) {
                        r.set(i, null);
                    }
                }
            }
            r.add(suppressed ? "Suppressed: a count of 1-7 (and the values derived from it) is not published"
                    : rounded ? "Counts rounded to the nearest " + rule.roundTo() + "; values computed before rounding"
                    : null);
            rows.add(r);
        }
        return new AnalysisTable(table.name(), table.description(), out, rows);
    }
}
