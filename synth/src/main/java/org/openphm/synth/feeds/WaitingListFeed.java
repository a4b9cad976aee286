package org.openphm.synth.feeds;

import java.io.IOException;
import java.time.YearMonth;
import java.util.SplittableRandom;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * waiting_list: every team of DP 7.7 (adult community: CNWL, ELFT, CCS) and DP 7.8 (CNWL mental health and
 * CAMHS), monthly 2023-04..2025-09. The 18+ week waiters of Apr-Jul 2025 are as published; other months follow
 * the published four-month trend (bounded to +/-30% a year so it does not explode) with Poisson noise. The total
 * list and the mean wait are derived so the three columns agree: if waits were exponential with mean w, the share
 * waiting 18+ weeks would be exp(-18/w).
 */
final class WaitingListFeed implements Feed {

    static final YearMonth FIRST_PUBLISHED = YearMonth.of(2025, 4);
    private static final String[] PUBLISHED_MONTHS = {"apr", "may", "jun", "jul"};
    private static final double MAX_ANNUAL_TREND = 0.30;

    @Override
    public Table table() {
        return CanonicalSchema.WAITING_LIST;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        for (Psv.Row r : Psv.read("waiting_published.psv")) {
            String provider = r.text("provider_code"), service = r.text("service");
            SplittableRandom rng = ctx.random("waiting:" + provider + ":" + service);
            double[] published = new double[PUBLISHED_MONTHS.length];
            for (int i = 0; i < published.length; i++) {
                published[i] = r.number(PUBLISHED_MONTHS[i]);
            }
            double trend = annualTrend(published);
            // Each team has its own share of waiters past 18 weeks: small teams are mostly seen quickly.
            double share18 = 0.15 + 0.45 * rng.nextDouble();
            double smallListSize = 10 + rng.nextInt(80);
            for (int i = 0; i < FeedContext.monthCount(); i++) {
                YearMonth m = FeedContext.month(i);
                long offset = SeriesExtension.distance(FIRST_PUBLISHED, m);
                long over18;
                if (offset >= 0 && offset < published.length) {
                    over18 = Math.round(published[(int) offset] * ctx.scale());
                } else {
                    double anchor = offset < 0 ? published[0] : published[published.length - 1];
                    double monthsAway = offset < 0 ? offset : offset - (published.length - 1);
                    over18 = Noise.poisson(rng, anchor * Math.pow(1 + trend, monthsAway / 12.0) * ctx.scale());
                }
                long total = Math.max(
                        over18 + Noise.poisson(rng, 2 * ctx.scale()),
                        Math.round(over18 / share18 + Noise.poisson(rng, smallListSize * ctx.scale())));
                double share = Math.max(over18, 0.5) / Math.max(total, 1);
                double meanWait = share >= 1 ? 52 : -18 / Math.log(Math.min(share, 0.95));
                out.row(provider, service, m.toString(), total, over18, Cells.number(meanWait, 1));
            }
        }
    }

    /** Annual relative change implied by the first and last published months, bounded. */
    static double annualTrend(double[] published) {
        double first = published[0], last = published[published.length - 1];
        if (first <= 0 || last <= 0) {
            return 0;
        }
        double perYear = Math.pow(last / first, 12.0 / (published.length - 1)) - 1;
        return Math.max(-MAX_ANNUAL_TREND, Math.min(MAX_ANNUAL_TREND, perYear));
    }
}
