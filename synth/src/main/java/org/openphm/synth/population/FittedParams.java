package org.openphm.synth.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.openphm.model.ReferenceCsv;

/**
 * The parameters fitted offline so the generated population hits the data pack (resource
 * fitted_params.csv, written by the test-scope fitter CalibrationFit; see synth/CALIBRATION.md): one intercept
 * per register, pairwise log-odds between registers (later register given an earlier one in
 * {@link ConditionCatalogue#CHAIN}), and a few scalars. Unlisted values are zero.
 */
public final class FittedParams {
    static final String RESOURCE = "/org/openphm/synth/population/fitted_params.csv";
    /** Registers outside the chain that have a fitted intercept. */
    static final List<String> EXTRA = List.of("PC");

    private final int n = ConditionCatalogue.CHAIN.size();
    final double[] intercept = new double[n];
    /** pair[later][earlier]. */
    final double[][] pair = new double[n][n];

    double pcIntercept = -6.5;
    /** Multiplies the baseline (Gompertz) hazard so the population's mean hazard equals the crude death rate. */
    double mortalityScale = 1.0;
    /** Mean systolic pressure of a treated hypertensive (mmHg), and the extra for Black patients (DP 4.3). */
    double bpSystolicMean = 134;

    double bpBlackExtra = 5;

    FittedParams copy() {
        FittedParams c = new FittedParams();
        System.arraycopy(intercept, 0, c.intercept, 0, n);
        for (int i = 0; i < n; i++) {
            System.arraycopy(pair[i], 0, c.pair[i], 0, n);
        }
        c.pcIntercept = pcIntercept;
        c.mortalityScale = mortalityScale;
        c.bpSystolicMean = bpSystolicMean;
        c.bpBlackExtra = bpBlackExtra;
        return c;
    }

    /** The parameters shipped with the generator. */
    public static FittedParams load() {
        try (InputStream in = FittedParams.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parameters from a file (the fitter's starting point); a missing file means all zero. */
    static FittedParams loadFrom(java.nio.file.Path file) {
        if (!java.nio.file.Files.exists(file)) {
            return new FittedParams();
        }
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FittedParams read(BufferedReader r, String source) throws IOException {
        FittedParams p = new FittedParams();
        for (ReferenceCsv.Row f : ReferenceCsv.rows(r, source)) {
            double v = f.number("value");
            switch (f.get("kind")) {
                case "intercept" -> {
                    if (f.get("a").equals("PC")) {
                        p.pcIntercept = v;
                    } else {
                        p.intercept[index(f.get("a"))] = v;
                    }
                }
                case "pair" -> p.pair[index(f.get("a"))][index(f.get("b"))] = v;
                case "scalar" -> p.setScalar(f.get("a"), v);
                default -> throw f.fault("kind", "unknown parameter kind " + f.get("kind"));
            }
        }
        return p;
    }

    private void setScalar(String name, double v) {
        switch (name) {
            case "mortality_scale" -> mortalityScale = v;
            case "bp_systolic_mean" -> bpSystolicMean = v;
            case "bp_black_extra" -> bpBlackExtra = v;
            default -> throw new IllegalStateException("unknown scalar " + name);
        }
    }

    private static int index(String id) {
        int i = ConditionCatalogue.indexOf(id);
        if (i < 0) {
            throw new IllegalStateException("unknown register " + id);
        }
        return i;
    }

    /** Writes the parameters in the resource format, with a provenance comment. */
    void write(Writer w, String provenance) throws IOException {
        w.write("# " + provenance + "\n");
        w.write("kind,a,b,value\n");
        for (int i = 0; i < n; i++) {
            w.write(String.format(
                    Locale.ROOT,
                    "intercept,%s,,%.4f%n",
                    ConditionCatalogue.CHAIN.get(i).id(),
                    intercept[i]));
        }
        w.write(String.format(Locale.ROOT, "intercept,PC,,%.4f%n", pcIntercept));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (pair[i][j] != 0) {
                    w.write(String.format(
                            Locale.ROOT,
                            "pair,%s,%s,%.4f%n",
                            ConditionCatalogue.CHAIN.get(i).id(),
                            ConditionCatalogue.CHAIN.get(j).id(),
                            pair[i][j]));
                }
            }
        }
        w.write(String.format(Locale.ROOT, "scalar,mortality_scale,,%.5f%n", mortalityScale));
        w.write(String.format(Locale.ROOT, "scalar,bp_systolic_mean,,%.3f%n", bpSystolicMean));
        w.write(String.format(Locale.ROOT, "scalar,bp_black_extra,,%.3f%n", bpBlackExtra));
    }
}
