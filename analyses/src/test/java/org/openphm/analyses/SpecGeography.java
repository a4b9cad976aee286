package org.openphm.analyses;

import org.openphm.engine.spec.SpecTable;
import org.openphm.model.CanonicalSchema;

/**
 * The geography of the hand-made spec populations: one practice (with its own PCN and neighbourhood) per
 * Place given, all in the ICB QHG, and one LSOA per Place, the first in England's most deprived decile and
 * the second in the least (so deprivation breakdowns have two quintiles to tell apart).
 */
public final class SpecGeography {
    private SpecGeography() {}

    public static final String ICB = "QHG";

    public record Place(String code, String name) {}

    /** Practices P00001, P00002, … in PCN1, PCN2, … and neighbourhoods N1, N2, …, one per Place. */
    public static SpecTable practices(Place... places) {
        SpecTable.Builder b = SpecTable.canonical(
                CanonicalSchema.PRACTICE,
                "practice_code",
                "practice_name",
                "pcn_code",
                "pcn_name",
                "neighbourhood_code",
                "neighbourhood_name",
                "place_code",
                "place_name",
                "icb_code",
                "icb_name");
        for (int i = 1; i <= places.length; i++) {
            Place p = places[i - 1];
            b.row(
                    "P0000" + i,
                    "Practice " + i,
                    "PCN" + i,
                    "PCN " + i,
                    "N" + i,
                    "Neighbourhood " + i,
                    p.code(),
                    p.name(),
                    ICB,
                    "BLMK");
        }
        return b.build();
    }

    /** LSOAs E01000001, E01000002, …: decile 1 (quintile 1), then decile 10 (quintile 5). */
    public static SpecTable lsoas(String... placeCodes) {
        SpecTable.Builder b = SpecTable.canonical(
                CanonicalSchema.LSOA, "lsoa_code", "lsoa_name", "imd_decile", "imd_quintile", "place_code");
        for (int i = 1; i <= placeCodes.length; i++) {
            boolean first = i == 1;
            b.row("E0100000" + i, "L" + i, first ? 1 : 10, first ? 1 : 5, placeCodes[i - 1]);
        }
        return b.build();
    }
}
