package org.openphm.engine.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.openphm.engine.Engine;
import org.openphm.engine.EngineException;
import org.openphm.engine.Result;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.query.Query;
import org.openphm.engine.sql.SqlRenderer;

/**
 * The scale engine: Spark SQL over Parquet files (the layout ParquetExport writes from a DuckDB workspace)
 * or over a cluster's catalog tables. The session belongs to the caller and outlives the engine.
 */
public final class SparkEngine implements Engine {

    private final SparkSession spark;
    private final SqlRenderer renderer = new SqlRenderer(SparkDialect.INSTANCE);

    /** Over the tables and views the session already resolves by unqualified name. */
    public SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Registers each {@code <table>.parquet} in the directory as a temporary view named after the table. The
     * workspace's own bookkeeping tables (_meta, _quarantine, _reconciliation) are left out: Hadoop treats
     * names starting with '_' as hidden files, and no definition reads them.
     */
    public static SparkEngine overParquet(SparkSession spark, Path directory) {
        for (ParquetExport.TableFile f : ParquetExport.tableFiles(directory)) {
            if (f.table().startsWith("_")) {
                continue;
            }
            spark.read().parquet(f.path().toAbsolutePath().toString()).createOrReplaceTempView(f.table());
        }
        return new SparkEngine(spark);
    }

    /** Over the canonical tables of a catalog database on a cluster (e.g. Hive or Unity Catalog). */
    public static SparkEngine overCatalog(SparkSession spark, String database) {
        spark.catalog().setCurrentDatabase(database);
        return new SparkEngine(spark);
    }

    @Override
    public String name() { return "spark"; }

    @Override
    public String render(Query query) { return renderer.render(query); }

    @Override
    public Result execute(Query query) {
        String sql = render(query);
        try {
            Dataset<Row> ds = spark.sql(sql);
            List<String> columns = Arrays.asList(ds.columns());
            List<List<Object>> rows = new ArrayList<>();
            for (Row r : ds.collectAsList()) {
                List<Object> row = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    row.add(Result.normalise(r.get(i)));
                }
                rows.add(row);
            }
            return new Result(columns, rows);
        } catch (RuntimeException e) {
            throw new EngineException("Spark failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** Leaves the session running: it is the caller's, and one session serves many engines and queries. */
    @Override
    public void close() {}
}
