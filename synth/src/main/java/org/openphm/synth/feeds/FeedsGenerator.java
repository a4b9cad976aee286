package org.openphm.synth.feeds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.Progress;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Writes the synthetic aggregate feeds of the operational data pack (DP 6-12) as one CSV per canonical table:
 * performance_metric, waiting_list, workforce, vacancy, finance_spend, allocation, feedback, incident,
 * provider_register, service_provision. Calibrated to the published figures (see {@link Calibration} and
 * src/main/resources/feeds/SOURCES.md); deterministic for a seed.
 */
public final class FeedsGenerator {
    private FeedsGenerator() {}

    private static final List<Feed> FEEDS = List.of(
            new PerformanceMetricFeed(),
            new WaitingListFeed(),
            new WorkforceFeed(),
            new VacancyFeed(),
            new FinanceSpendFeed(),
            new AllocationFeed(),
            new FeedbackFeed(),
            new IncidentFeed(),
            new ProviderRegisterFeed(),
            new ServiceProvisionFeed(),
            new RiskRegisterFeed());

    /**
     * @param patients registered population the feeds are for; population-proportional figures (staff, waiting
     *                 lists, spend, allocations, count metrics) scale by patients over the ICB's registered patients
     * @return rows written per table, in the order written
     */
    public static Map<String, Long> generate(
            Path outDir, SyntheticIcbDefinition icb, long seed, long patients, Progress progress) throws IOException {
        FeedContext ctx = new FeedContext(seed, patients, icb);
        Relabel relabel = Relabel.of(icb);
        Map<String, Long> rows = new LinkedHashMap<>();
        int done = 0;
        for (Feed feed : FEEDS) {
            String table = feed.table().name();
            try (CsvTableWriter out = new CsvTableWriter(outDir, feed.table())) {
                feed.write(ctx, values -> out.row(relabel.row(table, values)));
                rows.put(feed.table().name(), out.rows());
            }
            progress.update("aggregate feeds", ++done, FEEDS.size());
            progress.message("wrote " + feed.table().name() + ".csv ("
                    + rows.get(feed.table().name()) + " rows)");
        }
        return rows;
    }
}
