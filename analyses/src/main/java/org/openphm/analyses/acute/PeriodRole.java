package org.openphm.analyses.acute;

import org.openphm.analyses.catalogue.AnalysisContext;

/**
 * Which of the build's years a row is, so a chart description (fixed before the data is known) can select
 * "the latest year" with a filter.
 */
final class PeriodRole {
    private PeriodRole() {}

    static final String LATEST = "latest";
    static final String PREVIOUS = "previous";
    static final String EARLIER = "earlier";

    static final String DESCRIPTION = "latest, previous or earlier: the year's place among the build's years";

    static String of(AnalysisContext context, String year) {
        String latest = context.latestYear().label();
        if (latest.equals(year)) {
            return LATEST;
        }
        return context.latestYear().previous().label().equals(year) ? PREVIOUS : EARLIER;
    }
}
