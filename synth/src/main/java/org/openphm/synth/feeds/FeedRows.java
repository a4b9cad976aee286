package org.openphm.synth.feeds;

import java.io.IOException;

/** Where a feed writes its rows: the table's file, through the ICB's {@link Relabel}. */
@FunctionalInterface
interface FeedRows {
    /** One row, its values in the order of the feed table's columns. */
    void row(Object... values) throws IOException;
}
