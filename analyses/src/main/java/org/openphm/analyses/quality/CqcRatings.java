package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.date;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.Precision;

/**
 * DP 10.2: the CQC overall rating of each commissioned provider, with the age of the rating. An old rating is
 * weak assurance (CCS's "Outstanding" dates from August 2019), so the register is ordered oldest first.
 */
public final class CqcRatings implements Analysis {

    public static final String ID = "dp-10.2-cqc-ratings";

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 10.2",
                "CQC provider ratings and their age",
                "The Care Quality Commission's overall rating of each provider on the ICB's provider register, the "
                        + "date the report was published and the rating's age in years at the register date.",
                "Register listing. Age = days from the rating date to the register date / 365.25, to 0.1 year. "
                        + "Register date = the later of the end of the latest financial year analysed and the "
                        + "latest rating date.",
                "provider_register (DP 10.2: CQC reports; dates are the month of publication, day 1).",
                // the ICB's own unrated providers are its profile's note
                IcbProfile.current()
                        .caveats(
                                List.of(
                                        "The DP gives the month of publication only; day 1 of the month is used, so "
                                                + "ages may be up to a month long.",
                                        "Providers without a rating are listed with an empty rating rather than left "
                                                + "out."),
                                "cqc_unrated",
                                List.of()),
                List.of(ChartSpec.ofTable(
                        "ranked_table",
                        "Age of CQC ratings (years)",
                        "Oldest first",
                        "ratings",
                        Map.of(),
                        Map.of("y", "rating_age_years"),
                        "years")));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        ProviderRegister register = ProviderRegister.read(context);
        List<ProviderRegister.Entry> entries = new ArrayList<>(register.entries());
        // oldest rating first; unrated providers last
        entries.sort(Comparator.comparing(
                        ProviderRegister.Entry::ratingDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProviderRegister.Entry::provider));
        List<List<Object>> rows = new ArrayList<>();
        for (ProviderRegister.Entry e : entries) {
            rows.add(java.util.Arrays.asList(
                    e.provider(),
                    e.cqcRating(),
                    e.ratingDate(),
                    ageYears(e.ratingDate(), register.asAt()),
                    register.asAt()));
        }
        return List.of(Tables.table(
                "ratings",
                "CQC overall rating by provider with its age",
                List.of(
                        text("provider", "Provider"),
                        text("cqc_rating", "CQC overall rating; empty = none on the register"),
                        date("rating_date", "Date the report was published"),
                        number("rating_age_years", "Age of the rating at the register date, years")
                                .rounded(Precision.ONE_PLACE),
                        date("register_date", "Date the register is read at")),
                rows));
    }

    static Double ageYears(LocalDate from, LocalDate to) {
        return from == null ? null : ChronoUnit.DAYS.between(from, to) / 365.25;
    }
}
