package org.openphm.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.openphm.analyses.build.Build;
import org.openphm.analyses.build.BuildReport;
import org.openphm.engine.Engine;
import org.openphm.engine.spark.LocalSpark;
import org.openphm.engine.spark.SparkEngine;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.FinancialYear;
import org.openphm.outputcheck.Release;
import org.openphm.stats.sdc.DisclosureRule;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phm build} on Apache Spark: the same catalogue, indicator framework and disclosure control as the
 * embedded build, with every query run by Spark SQL. For a national extract on a cluster:
 * <pre>spark-submit --class org.openphm.spark.SparkBuild openphm-spark-job.jar --database phm --out /results</pre>
 * and for a workspace exported to Parquet ({@code phm export}): {@code --parquet DIR}. Without a master from
 * spark-submit it runs Spark in this JVM on every core, which is how the parity test runs it.
 */
@Command(
        name = "openphm-spark-build",
        mixinStandardHelpOptions = true,
        description = "Compute every indicator and analysis of the data pack on Spark into OUT/results.")
public final class SparkBuild implements Callable<Integer> {

    static final class Input {
        @Option(
                names = "--parquet",
                required = true,
                description = "Folder of <table>.parquet files (phm export --workspace W --out DIR writes one)")
        Path parquet;

        @Option(
                names = "--database",
                required = true,
                description = "Catalog database holding the canonical tables (Hive, Unity Catalog, ...)")
        String database;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--out", required = true, description = "Output folder (results/ is written in it)")
    Path out;

    @Option(
            names = "--years",
            split = ",",
            description = "Financial years to build, e.g. 2023/24,2024/25 (default: the last seven complete years)")
    List<String> years;

    @Option(names = "--analyst-outputs", description = "Also write unsuppressed results to OUT/analyst/results")
    boolean analystOutputs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkBuild()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (input.parquet != null && !Files.isDirectory(input.parquet)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    input.parquet + " is not a folder: export a workspace with phm export --workspace W --out "
                            + input.parquet);
        }
        SparkSession spark = session();
        Build.Summary summary = run(
                spark,
                input.parquet,
                input.database,
                out,
                years == null ? null : years.stream().map(FinancialYear::parse).toList(),
                analystOutputs);
        BuildReport.print(
                summary,
                out.resolve("results"),
                analystOutputs ? out.resolve("analyst").resolve("results") : null,
                System.out);
        System.out.println("Output check: every published file passed (phm check-outputs)");
        return 0;
    }

    /**
     * The build over Parquet files ({@code parquet}) or a catalog database; the session stays the caller's. As
     * {@code phm build}, it builds into a staging folder and publishes only what passes the output check.
     *
     * @throws Release.Rejected when the output check finds a disclosure problem: nothing is published
     */
    public static Build.Summary run(
            SparkSession spark,
            Path parquet,
            String database,
            Path out,
            List<FinancialYear> years,
            boolean analystOutputs)
            throws Exception {
        String population = parquet != null ? "parquet " + parquet.getFileName() : "database " + database;
        Path staging = Release.prepare(out);
        Build.Summary summary;
        try (Engine engine =
                parquet != null ? SparkEngine.overParquet(spark, parquet) : SparkEngine.overCatalog(spark, database)) {
            summary = Build.run(
                    engine,
                    new Build.Options(staging, years, analystOutputs, DisclosureRule.nhsDefault(), population),
                    new ConsoleProgress(System.out));
        }
        try {
            Release.publish(out);
        } catch (Release.Rejected rejected) {
            Release.print(rejected.report(), System.err, 20);
            throw rejected;
        }
        return summary;
    }

    /** spark-submit's session when there is one; otherwise Spark in this JVM on every core. */
    private static SparkSession session() {
        if (new SparkConf().contains("spark.master")) {
            return LocalSpark.semantics(SparkSession.builder().appName("openphm"))
                    .getOrCreate();
        }
        return LocalSpark.session(Runtime.getRuntime().availableProcessors());
    }
}
