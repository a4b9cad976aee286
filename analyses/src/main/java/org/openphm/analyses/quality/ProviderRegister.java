package org.openphm.analyses.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;

/**
 * The provider register (DP 10.2 CQC ratings, DP 10.3 contracts): one row per commissioned provider. A register
 * of a dozen rows, so it is read whole; the analyses over it only interpret it.
 */
record ProviderRegister(LocalDate asAt, List<Entry> entries) {

    record Entry(
            String provider,
            String cqcRating,
            LocalDate ratingDate,
            LocalDate contractExpiry,
            String contractType,
            List<String> places,
            String services) {}

    /**
     * Reads the register as at the later of the end of the latest financial year analysed and the latest rating
     * in it: a register cannot hold a rating published after the date it describes (the DP's Psychiatry UK rating
     * of June 2025 is later than 31 March 2025).
     */
    static ProviderRegister read(AnalysisContext context) {
        Query q = Query.from(CanonicalSchema.PROVIDER_REGISTER)
                .select(
                        "provider",
                        "cqc_rating",
                        "rating_date",
                        "contract_expiry",
                        "contract_type",
                        "places",
                        "services")
                .orderBy(SortKey.asc("provider"));
        Result r = context.engine().execute(q);
        List<Entry> entries = new ArrayList<>();
        LocalDate asAt = context.latestYear().end();
        for (int i = 0; i < r.size(); i++) {
            LocalDate rated = r.getDate(i, "rating_date");
            if (rated != null && rated.isAfter(asAt)) {
                asAt = rated;
            }
            String places = r.getString(i, "places");
            entries.add(new Entry(
                    r.getString(i, "provider"),
                    r.getString(i, "cqc_rating"),
                    rated,
                    r.getDate(i, "contract_expiry"),
                    r.getString(i, "contract_type"),
                    places == null || places.isBlank() ? List.of() : List.of(places.split(";")),
                    r.getString(i, "services")));
        }
        return new ProviderRegister(asAt, entries);
    }
}
