package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Table;

/** provider_register: DP 10.2 CQC ratings and DP 10.3 contracts, as published. */
final class ProviderRegisterFeed implements Feed {

    @Override
    public Table table() {
        return CanonicalSchema.PROVIDER_REGISTER;
    }

    @Override
    public void write(FeedContext ctx, CsvTableWriter out) throws IOException {
        for (Psv.Row r : Psv.read("provider_register.psv")) {
            out.row(
                    r.text("provider"),
                    r.text("cqc_rating"),
                    r.text("rating_date"),
                    r.text("contract_expiry"),
                    r.text("contract_type"),
                    r.text("places"),
                    r.text("services"));
        }
    }
}
