package org.openphm.cli;

import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine.Option;

/** The options of a command that publishes results: its disclosure rule, and whether analysts get theirs too. */
final class PublicationOptions {

    @Option(
            names = "--analyst-outputs",
            description = "Also write unsuppressed results to DIR/analyst/results "
                    + "(for analysts only: not for publication)")
    boolean analystOutputs;

    @Option(
            names = "--suppress-at-or-below",
            defaultValue = "7",
            description = "Disclosure control: counts from 1 to this are suppressed (default ${DEFAULT-VALUE})")
    int suppressAtOrBelow;

    @Option(
            names = "--round-to",
            defaultValue = "5",
            description =
                    "Disclosure control: published counts are rounded to a multiple of this (default ${DEFAULT-VALUE})")
    int roundTo;

    DisclosureRule rule() {
        return new DisclosureRule(suppressAtOrBelow, roundTo, false);
    }
}
