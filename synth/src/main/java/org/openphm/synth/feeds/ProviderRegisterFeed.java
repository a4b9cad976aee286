package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * provider_register: DP 10.2 CQC ratings and DP 10.3 contracts, as published. The published register is one ICB's:
 * a contract is written with the Places of the generated ICB it covers, and not at all if it covers none of them.
 */
final class ProviderRegisterFeed implements Feed {

    @Override
    public Table table() {
        return CanonicalSchema.PROVIDER_REGISTER;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        java.util.Set<String> icbPlaces = new java.util.HashSet<>();
        ctx.icb().places().forEach(p -> icbPlaces.add(p.code()));
        for (Psv.Row r : Psv.read("provider_register.psv")) {
            String places = r.text("places");
            if (places != null) {
                java.util.List<String> covered = java.util.Arrays.stream(places.split(";"))
                        .map(String::strip)
                        .filter(icbPlaces::contains)
                        .toList();
                if (covered.isEmpty()) {
                    continue;
                }
                places = String.join(";", covered);
            }
            out.row(
                    r.text("provider"),
                    r.text("cqc_rating"),
                    r.text("rating_date"),
                    r.text("contract_expiry"),
                    r.text("contract_type"),
                    places,
                    r.text("services"));
        }
    }
}
