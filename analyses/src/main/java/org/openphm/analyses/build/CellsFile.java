package org.openphm.analyses.build;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.model.AreaType;

/**
 * An indicator family's counted cells for a year, as kept by the build cache: binary, since a family has tens of
 * thousands of cells of two age-band arrays each, and exact, since statistics are computed again from them.
 */
final class CellsFile {
    private CellsFile() {}

    private static final int FORMAT = 1;

    static void write(Path file, Map<CellKey, AgeBandCounts> cells) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)))) {
            out.writeInt(FORMAT);
            out.writeInt(AgeBandCounts.BANDS);
            out.writeInt(cells.size());
            // in the counted map's order, so the cells are added to the build's map in the order a count adds them
            for (Map.Entry<CellKey, AgeBandCounts> e : cells.entrySet()) {
                CellKey k = e.getKey();
                text(out, k.indicatorId());
                text(out, k.areaCode());
                text(out, k.areaType() == null ? null : k.areaType().name());
                text(out, k.period());
                text(out, k.breakdown() == null ? null : k.breakdown().name());
                text(out, k.category());
                for (double v : e.getValue().numerators()) {
                    out.writeDouble(v);
                }
                for (double v : e.getValue().denominators()) {
                    out.writeDouble(v);
                }
            }
        }
    }

    static Map<CellKey, AgeBandCounts> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
            if (in.readInt() != FORMAT || in.readInt() != AgeBandCounts.BANDS) {
                throw new IOException("cached cells of another format: " + file);
            }
            int n = in.readInt();
            Map<CellKey, AgeBandCounts> cells = new LinkedHashMap<>();
            double[] numerators = new double[AgeBandCounts.BANDS];
            for (int i = 0; i < n; i++) {
                String indicator = text(in);
                String area = text(in);
                String areaType = text(in);
                String period = text(in);
                String breakdown = text(in);
                String category = text(in);
                CellKey key = new CellKey(
                        indicator,
                        area,
                        areaType == null ? null : AreaType.valueOf(areaType),
                        period,
                        breakdown == null ? null : Breakdown.valueOf(breakdown),
                        category);
                for (int b = 0; b < numerators.length; b++) {
                    numerators[b] = in.readDouble();
                }
                AgeBandCounts counts = new AgeBandCounts();
                for (int b = 0; b < numerators.length; b++) {
                    counts.add(b, numerators[b], in.readDouble());
                }
                cells.put(key, counts);
            }
            return cells;
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
