package org.openphm.synth.feeds;

import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * finance_spend: ICB spend on community and mental health services by provider, 2022/23-2024/25. Category totals
 * are the CfC's (community £181.4m, £190.4m, £203.0m; MH £194.9m, £217.6m, £235.5m) to the pound; the split by
 * provider follows provider_spend_shares.psv (the CfC's 48% of community and 79% of MH for its three main
 * providers) with yearly noise.
 */
final class FinanceSpendFeed implements Feed {

    static final String COMMUNITY = "community", MENTAL_HEALTH = "mental health";

    @Override
    public Table table() {
        return CanonicalSchema.FINANCE_SPEND;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        SplittableRandom rng = ctx.random("finance_spend");
        for (int y = 0; y < Calibration.SPEND_YEARS.size(); y++) {
            String year = Calibration.SPEND_YEARS.get(y);
            write(
                    out,
                    year,
                    COMMUNITY,
                    Calibration.COMMUNITY_SPEND_M[y],
                    Calibration.providerShares(COMMUNITY),
                    ctx,
                    rng);
            write(
                    out,
                    year,
                    MENTAL_HEALTH,
                    Calibration.MENTAL_HEALTH_SPEND_M[y],
                    Calibration.providerShares(MENTAL_HEALTH),
                    ctx,
                    rng);
        }
    }

    private static void write(
            FeedRows out,
            String year,
            String category,
            double totalMillions,
            Map<String, Double> shares,
            FeedContext ctx,
            SplittableRandom rng)
            throws IOException {
        Map<String, Double> sorted = new TreeMap<>(shares);
        double[] weights = sorted.values().stream()
                .mapToDouble(s -> s * (1 + 0.04 * Noise.gaussian(rng)))
                .toArray();
        long[] pounds = Noise.apportion(Math.round(totalMillions * 1e6 * ctx.scale()), weights);
        int i = 0;
        for (String provider : sorted.keySet()) {
            out.row(year, provider, category, pounds[i++]);
        }
    }
}
