package org.openphm.synth.feeds;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Table;
import org.openphm.synth.population.Place;

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
    public void write(FeedContext ctx, CsvTableWriter out) throws IOException {
        List<String> places = Arrays.stream(Place.values()).map(Place::code).toList();
        for (Psv.Row r : Psv.read("service_provision.psv")) {
            for (String place : places) {
                String providers = r.text(place);
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
