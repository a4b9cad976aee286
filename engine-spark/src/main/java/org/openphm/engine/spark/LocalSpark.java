package org.openphm.engine.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A Spark session in this JVM, configured as we found works on a small (2-core) machine: no UI, few shuffle
 * partitions, loopback networking, ANSI mode stated rather than left to the version's default, and dates
 * as java.time.LocalDate.
 */
public final class LocalSpark {
    private LocalSpark() {}

    public static SparkSession session(int threads) {
        return builder(threads).getOrCreate();
    }

    /** The configured builder, for callers that add settings of their own. */
    public static SparkSession.Builder builder(int threads) {
        // Spark resolves its driver host from the machine name unless told; the loopback always works.
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        return semantics(SparkSession.builder()
                .appName("openphm")
                .master("local[" + threads + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(1, threads)))
                .config("spark.default.parallelism", Integer.toString(Math.max(1, threads))));
    }

    /**
     * The settings the engine's results depend on, for every session, a cluster's included: ANSI SQL stated rather
     * than left to the version's default, dates as java.time.LocalDate and UTC, so a date is the same day everywhere.
     */
    public static SparkSession.Builder semantics(SparkSession.Builder builder) {
        return builder.config("spark.sql.ansi.enabled", "true")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC");
    }
}
