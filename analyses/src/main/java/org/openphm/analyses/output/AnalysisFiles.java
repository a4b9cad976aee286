package org.openphm.analyses.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.CsvTableWriter;
import org.openphm.model.ResultColumnType;

/** Writes an analysis's tables as results/&lt;id&gt;-&lt;table&gt;.csv and .parquet. */
public final class AnalysisFiles {
    private AnalysisFiles() {}

    public static List<Path> write(Path resultsDir, AnalysisInfo info, List<AnalysisTable> tables) throws IOException {
        List<Path> written = new ArrayList<>();
        for (AnalysisTable t : tables) {
            Path csv = resultsDir.resolve(info.file(t.name()));
            try (CsvTableWriter w = CsvTableWriter.forSpreadsheets(csv, t.columnNames())) {
                for (List<Object> row : t.rows()) {
                    Object[] v = row.toArray();
                    for (int i = 0; i < v.length; i++) {
                        if (v[i] instanceof Double d) {
                            v[i] = NumberFormat.plain(d);
                        }
                    }
                    w.row(v);
                }
            }
            Path parquet = resultsDir.resolve(info.file(t.name()).replaceFirst("\\.csv$", ".parquet"));
            toParquet(csv, parquet, t);
            written.add(csv);
            written.add(parquet);
        }
        return written;
    }

    private static void toParquet(Path csv, Path parquet, AnalysisTable t) throws IOException {
        ParquetFromCsv.convert(csv, parquet, ParquetFromCsv.types(t.columnNames(), name -> {
            ResultColumnType type = t.columns().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .type();
            return switch (type) {
                case INTEGER, COUNT -> "BIGINT";
                case NUMBER -> "DOUBLE";
                case DATE -> "DATE";
                case BOOLEAN -> "BOOLEAN";
                case STRING -> "VARCHAR";
            };
        }));
    }
}
