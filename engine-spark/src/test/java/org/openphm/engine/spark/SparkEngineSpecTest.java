package org.openphm.engine.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.spec.EngineSpec;
import org.openphm.engine.spec.SpecTable;
import org.openphm.model.ColumnType;

/** The specification suite on Spark: one local[2] session, every spec table a temporary view. */
class SparkEngineSpecTest extends EngineSpec {

    @Override
    protected Engine openEngine(List<SpecTable> tables) {
        // Tables of a dozen rows: compiling Java for each of ~100 queries costs far more than interpreting
        // them, so the spec runs Spark's interpreted evaluation (same semantics, checked by Spark's own suite).
        SparkSession spark = LocalSpark.builder(2)
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .getOrCreate();
        for (SpecTable t : tables) {
            spark.createDataFrame(rows(t), schema(t)).createOrReplaceTempView(t.name());
        }
        SparkEngine engine = new SparkEngine(spark);
        return new Engine() {
            @Override
            public String name() { return engine.name(); }

            @Override
            public Result execute(Query q) { return engine.execute(q); }

            @Override
            public String render(Query q) { return engine.render(q); }

            @Override
            public void close() { spark.stop(); }
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
                out[i] = v == null ? null : switch (type) {
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
