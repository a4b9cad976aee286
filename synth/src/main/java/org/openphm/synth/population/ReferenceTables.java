package org.openphm.synth.population;

import java.io.IOException;
import java.nio.file.Path;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.CsvTableWriter;

/** Writes the geography reference tables practice.csv and lsoa.csv. */
public final class ReferenceTables {
    private ReferenceTables() {}

    public static long writePractices(Path dir, Geography g) throws IOException {
        try (CsvTableWriter w = new CsvTableWriter(dir, CanonicalSchema.PRACTICE)) {
            for (Geography.Practice p : g.practices()) {
                w.row(
                        p.code(),
                        p.name(),
                        p.pcnCode(),
                        p.pcnName(),
                        p.neighbourhoodCode(),
                        p.neighbourhoodName(),
                        p.place().code(),
                        p.place().name(),
                        g.icb().code(),
                        g.icb().name());
            }
            return w.rows();
        }
    }

    public static long writeLsoas(Path dir, Geography g) throws IOException {
        try (CsvTableWriter w = new CsvTableWriter(dir, CanonicalSchema.LSOA)) {
            for (Geography.Lsoa l : g.lsoas()) {
                w.row(
                        l.code(),
                        l.name(),
                        l.imdDecile(),
                        l.imdQuintile(),
                        l.place().code());
            }
            return w.rows();
        }
    }
}
