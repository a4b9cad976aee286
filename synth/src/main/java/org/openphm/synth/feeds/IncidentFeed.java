package org.openphm.synth.feeds;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * incident: CCS's published incident profile (DP 6.3) as printed, and yearly counts for each large provider's
 * PSIRF priority themes (DP 6.3-6.5), which the DP names without counting, generated from per-staff rates.
 */
final class IncidentFeed implements Feed {

    static final List<String> THEME_YEARS = List.of("2022/23", "2023/24", "2024/25");
    static final String THEME_PREFIX = "PSIRF theme: ";

    @Override
    public Table table() {
        return CanonicalSchema.INCIDENT;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        for (Psv.Row r : Psv.read("incident_published.psv")) {
            out.row(
                    r.text("provider"),
                    r.text("year"),
                    r.text("category"),
                    r.number("count").intValue());
        }
        SplittableRandom rng = ctx.random("incident");
        List<Calibration.Unit> units = Calibration.units();
        for (Psv.Row r : Psv.read("incident_themes.psv")) {
            String provider = r.text("provider");
            int staff = units.stream()
                    .filter(u -> u.organisation().equals(provider))
                    .mapToInt(Calibration.Unit::headcount)
                    .sum();
            for (String year : THEME_YEARS) {
                double mean = r.number("per_1000_staff") * staff / 1000.0;
                out.row(provider, year, THEME_PREFIX + r.text("theme"), Noise.poisson(rng, mean));
            }
        }
    }
}
