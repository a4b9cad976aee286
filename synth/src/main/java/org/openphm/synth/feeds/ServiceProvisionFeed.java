package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;
import org.openphm.synth.icb.Place;

/**
 * service_provision: the CfC Part B and Part C provider maps, one row per service line, Place and provider. A Place
 * with no provider for a line has no row: the gap is an absence, which is how the map shows it.
 */
final class ServiceProvisionFeed implements Feed {

    @Override
    public Table table() {
        return CanonicalSchema.SERVICE_PROVISION;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        for (Psv.Row r : Psv.read("service_provision.psv")) {
            for (Place p : ctx.icb().places()) {
                String place = p.code();
                // the published maps are one ICB's: a Place they have no column for has no rows
                String providers = r.cells().containsKey(place) ? r.text(place) : null;
                if (providers == null) {
                    continue;
                }
                for (String provider : providers.split(";")) {
                    out.row(r.text("service_line"), place, provider.trim(), r.text("setting"));
                }
            }
        }
    }
}
