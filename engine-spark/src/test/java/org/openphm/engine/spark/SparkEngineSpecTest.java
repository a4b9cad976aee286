package org.openphm.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.engine.query.Expr.*;
import static org.openphm.engine.query.Measure.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.duckdb.ParquetExport;
import org.openphm.engine.query.GroupKey;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.engine.spec.EngineSpec;
import org.openphm.engine.spec.SpecData;
import org.openphm.engine.spec.SpecTable;
import org.openphm.engine.spec.SpecWorkspace;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.ColumnType;

/** The specification suite on Spark: one local[2] session, every spec table a temporary view. */
class SparkEngineSpecTest extends EngineSpec {

    private SparkSession spark;

    /**
     * A DuckDB workspace exported to Parquet runs on Spark with the answers DuckDB gives from the workspace
     * file itself: the path by which one workspace moves to a cluster.
     */
    @Test
    void aDuckDbWorkspaceExportedToParquetGivesTheSameAnswersOnSpark(@TempDir Path dir) throws Exception {
        Path workspace = SpecWorkspace.write(dir.resolve("ws.duckdb"), SpecData.ALL);
        ParquetExport.export(workspace, dir.resolve("parquet"));
        // emergency spells by person with a total; prevalence-style count-if; ages and bands from dates
        Query byPerson = Query.from(CanonicalSchema.SPELL)
                .where(col("admission_method").eq("emergency"))
                .derive("fy", financialYear(col("admission_date")))
                .aggregate(
                        List.of(GroupKey.of("person_id").totalAs("all"), GroupKey.of("fy")),
                        List.of(List.of("person_id", "fy"), List.of("fy")),
                        countRows("spells"),
                        sum("cost", col("cost_gbp")),
                        countIf(
                                "long_stay",
                                daysBetween(col("admission_date"), col("discharge_date"))
                                        .ge(lit(3L))))
                .orderBy(SortKey.asc("person_id"), SortKey.asc("fy"));
        Query patients = Query.from(CanonicalSchema.PATIENT)
                .derive(
                        Named.as("age", ageFromBirthMonth(col("birth_month"), date("2025-03-31"))),
                        Named.as("band", ageBand5(ageFromBirthMonth(col("birth_month"), date("2025-03-31")))),
                        Named.as("eth", ethnicGroup(col("ethnicity"))))
                .orderBy(SortKey.asc("person_id"));
        SparkEngine onSpark = SparkEngine.overParquet(spark, dir.resolve("parquet"));
        try (DuckDbEngine onDuckDb = DuckDbEngine.open(workspace)) {
            for (Query q : List.of(byPerson, patients)) {
                Result expected = onDuckDb.execute(q);
                assertEquals(expected, onSpark.execute(q));
                assertTrue(expected.size() > 0);
            }
        }
    }

    @Override
    protected Engine openEngine(List<SpecTable> tables) {
        // Tables of a dozen rows: compiling Java for each of ~100 queries costs more than interpreting them,
        // so the spec runs Spark's interpreted evaluation by default; -Dopenphm.spark.codegen=true runs the
        // code-generated path that production uses (same results, slower here).
        SparkSession.Builder builder = LocalSpark.builder(2);
        if (!Boolean.getBoolean("openphm.spark.codegen")) {
            builder.config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
        }
        spark = builder.getOrCreate();
        for (SpecTable t : tables) {
            spark.createDataFrame(rows(t), schema(t)).createOrReplaceTempView(t.name());
        }
        SparkEngine engine = new SparkEngine(spark);
        return new Engine() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public Result execute(Query q) {
                return engine.execute(q);
            }

            @Override
            public String render(Query q) {
                return engine.render(q);
            }

            @Override
            public void close() {
                spark.stop();
            }
        };
    }

    /** The model's Spark types (ColumnType.sparkType) as a schema. */
    static StructType schema(SpecTable t) {
        List<StructField> fields = new ArrayList<>();
        for (SpecTable.SpecColumn c : t.columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING, MONTH -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case BIGINT -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** Values converted to the exact Java classes Spark's row encoder wants for each type. */
    static List<Row> rows(SpecTable t) {
        List<Row> rows = new ArrayList<>();
        for (List<Object> values : t.rows()) {
            Object[] out = new Object[values.size()];
            for (int i = 0; i < out.length; i++) {
                Object v = values.get(i);
                ColumnType type = t.columns().get(i).type();
                out[i] = v == null
                        ? null
                        : switch (type) {
                            case INTEGER -> ((Number) v).intValue();
                            case BIGINT -> ((Number) v).longValue();
                            case DOUBLE -> ((Number) v).doubleValue();
                            default -> v;
                        };
            }
            rows.add(RowFactory.create(out));
        }
        return rows;
    }
}
