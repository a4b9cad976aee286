package org.openphm.synth.population;

import java.util.Arrays;

/**
 * The four BLMK Places (local authorities; ONS codes; CodeSets.PLACE checks only their shape) with the
 * population-model parameters that differ between them. Shares of the registered population are the House of Commons
 * Library modelled 2019/20 GP-list sizes by LA of residence (houseofcommonslibrary/local-health-data-from-QOF,
 * output_lad_prevalence.csv, TOTAL list: Luton 246,326, MK 300,429, Bedford 192,092, Central Beds 296,110). The other
 * columns are our assumptions, tuned so the ICB totals hit DP 1.2 (see synth/CALIBRATION.md).
 */
public enum Place {
    // code, name, list share, White share, old-age tilt (weight on 65+), child tilt (weight on 0-19),
    // IMD decile distribution (decile 1 = most deprived ... 10)
    BEDFORD("E06000055", "Bedford Borough", 192_092, 0.655, 1.03, 1.00, new double[] {
        0.08, 0.08, 0.10, 0.10, 0.10, 0.10, 0.11, 0.11, 0.11, 0.11
    }),
    CENTRAL_BEDFORDSHIRE("E06000056", "Central Bedfordshire", 296_110, 0.80, 1.18, 0.98, new double[] {
        0.01, 0.03, 0.06, 0.09, 0.10, 0.12, 0.13, 0.14, 0.15, 0.17
    }),
    LUTON("E06000032", "Luton", 246_326, 0.42, 0.74, 1.10, new double[] {
        0.15, 0.17, 0.13, 0.10, 0.10, 0.09, 0.09, 0.08, 0.06, 0.03
    }),
    MILTON_KEYNES("E06000042", "Milton Keynes", 300_429, 0.655, 0.93, 1.04, new double[] {
        0.06, 0.07, 0.08, 0.09, 0.10, 0.10, 0.11, 0.12, 0.13, 0.14
    });

    private final String code;
    private final String displayName;
    private final double listSize2019;
    private final double whiteShare;
    private final double oldTilt;
    private final double childTilt;
    private final double[] imdDeciles;

    Place(
            String code,
            String displayName,
            double listSize2019,
            double whiteShare,
            double oldTilt,
            double childTilt,
            double[] imdDeciles) {
        this.code = code;
        this.displayName = displayName;
        this.listSize2019 = listSize2019;
        this.whiteShare = whiteShare;
        this.oldTilt = oldTilt;
        this.childTilt = childTilt;
        this.imdDeciles = imdDeciles;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** Share of the ICB's registered population. */
    public double share() {
        return listSize2019
                / Arrays.stream(values()).mapToDouble(p -> p.listSize2019).sum();
    }

    double whiteShare() {
        return whiteShare;
    }

    double oldTilt() {
        return oldTilt;
    }

    double childTilt() {
        return childTilt;
    }

    /** Probability that a resident lives in an LSOA of IMD decile d (1..10). */
    double imdDecileShare(int decile) {
        return imdDeciles[decile - 1];
    }

    public static Place ofCode(String code) {
        for (Place p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a BLMK Place: " + code);
    }
}
