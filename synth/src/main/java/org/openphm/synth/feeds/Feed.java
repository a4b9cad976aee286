package org.openphm.synth.feeds;

import java.io.IOException;
import org.openphm.model.Table;

/** One aggregate feed: the canonical table it fills and how. */
sealed interface Feed
        permits PerformanceMetricFeed,
                WaitingListFeed,
                WorkforceFeed,
                VacancyFeed,
                FinanceSpendFeed,
                AllocationFeed,
                FeedbackFeed,
                IncidentFeed,
                ProviderRegisterFeed,
                ServiceProvisionFeed,
                RiskRegisterFeed {

    Table table();

    /** Writes every row of the feed; the writer's columns are exactly those of {@link #table()}. */
    void write(FeedContext context, FeedRows out) throws IOException;
}
