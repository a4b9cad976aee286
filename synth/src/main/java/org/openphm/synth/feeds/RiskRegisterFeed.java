package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/** risk_register: the DP 6.7 Board Assurance Framework risks (scores synthetic: the DP publishes none). */
final class RiskRegisterFeed implements Feed {

    @Override
    public Table table() {
        return CanonicalSchema.RISK_REGISTER;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        for (Psv.Row r : Psv.read("risk_register.psv")) {
            out.row(
                    r.text("risk_ref"),
                    r.text("title"),
                    r.text("theme"),
                    r.text("lead"),
                    r.text("likelihood"),
                    r.text("consequence"),
                    r.text("target_likelihood"),
                    r.text("target_consequence"),
                    r.text("reviewed"));
        }
    }
}
