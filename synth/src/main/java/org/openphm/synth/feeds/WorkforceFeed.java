package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/** workforce: one row per staff member of {@link StaffModel}, in post at the census or a leaver/starter since 2022. */
final class WorkforceFeed implements Feed {

    @Override
    public Table table() {
        return CanonicalSchema.WORKFORCE;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        for (StaffMember s : StaffModel.build(ctx)) {
            out.row(
                    s.id(),
                    s.organisation(),
                    s.unit(),
                    s.serviceArea(),
                    s.staffGroup(),
                    s.band() == null ? null : "Band " + s.band(),
                    s.ageBand(),
                    s.sex(),
                    s.ethnicGroup(),
                    Cells.number(s.fte(), 2),
                    s.start(),
                    s.leave());
        }
    }
}
