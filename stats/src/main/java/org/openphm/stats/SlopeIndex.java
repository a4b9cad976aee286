package org.openphm.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Slope index of inequality (SII) and relative index of inequality (RII) across deprivation
 * quantiles (Fingertips; PHEindicatormethods {@code phe_sii}).
 *
 * <p>Each quantile's share of the population a_i and cumulative midpoint b_i give the weighted
 * least-squares fit √a·y = β0·√a + β1·b·√a (no separate intercept). SII = β1 × multiplier, the
 * absolute gap from the most to the least deprived end; RII = (β0 + β1)/β0. Rates and proportions
 * are handled on the log and logit scales: the value's standard error is taken there, and with
 * {@code transform} the regression is fitted there and back-transformed.
 *
 * <p>Confidence intervals are by simulation, as the reference: values are drawn from normal
 * distributions with each quantile's standard error, the regression refitted for every draw, and the
 * limits read off the sorted results. The random generator is seeded so results are reproducible.
 */
public final class SlopeIndex {

    /** How the indicator values behave: plain numbers, rates (log scale) or proportions (logit scale). */
    public enum ValueType {
        NORMAL,
        RATE,
        PROPORTION
    }

    /**
     * One quantile's figures. Give either a standard error or both confidence limits (95%, on the
     * value's own scale); the other fields are NaN.
     */
    public record Quantile(
            double quantile, double population, double value, double standardError, double lowerCl, double upperCl) {

        public static Quantile withStandardError(double quantile, double population, double value, double se) {
            return new Quantile(quantile, population, value, se, Double.NaN, Double.NaN);
        }

        public static Quantile withLimits(
                double quantile, double population, double value, double lower, double upper) {
            return new Quantile(quantile, population, value, Double.NaN, lower, upper);
        }

        /** A proportion given as a count of the quantile's population, with 95% limits. */
        public static Quantile fromCount(double quantile, double population, double count, double lower, double upper) {
            return new Quantile(quantile, population, count / population, Double.NaN, lower, upper);
        }
    }

    /**
     * @param transform   fit on the log (rates) or logit (proportions) scale; needs confidence limits
     * @param multiplier  scales the SII (e.g. 100 for percentages); a negative multiplier reverses the
     *                    direction and inverts the RII, for indicators where lower is more deprived
     * @param repetitions number of simulated draws (the reference's default is 100,000)
     * @param seed        seed for the simulation
     */
    public record Options(
            ValueType valueType,
            boolean transform,
            double multiplier,
            int repetitions,
            long seed,
            List<Double> confidences) {

        public Options {
            confidences = confidences.stream().map(Confidence::normalise).toList();
            if (repetitions < 1000) {
                throw new IllegalArgumentException("number of repetitions must be 1000 or greater");
            }
            if (transform && valueType == ValueType.NORMAL) {
                throw new IllegalArgumentException("value_type should be rate or proportion when transform is true");
            }
        }

        /** Plain values, multiplier 1, 100,000 repetitions, 95% and 99.8%. */
        public static Options defaults(ValueType valueType) {
            return new Options(valueType, false, 1, 100_000, 20_240_613L, List.of(Confidence.P95, Confidence.P998));
        }
    }

    /** SII and RII limits at one confidence level. */
    public record Interval(double confidence, double siiLower, double siiUpper, double riiLower, double riiUpper) {}

    /**
     * @param intercept the fitted value at the least deprived end (β0; back-transformed and multiplied
     *                  by |multiplier| when the fit was on the log or logit scale)
     */
    public record Result(double sii, double rii, double intercept, List<Interval> intervals) {
        public Interval at(double confidence) {
            double c = Confidence.normalise(confidence);
            return intervals.stream()
                    .filter(i -> i.confidence() == c)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no interval at " + confidence));
        }
    }

    private SlopeIndex() {}

    public static Result calculate(List<Quantile> quantiles, Options options) {
        int k = quantiles.size();
        if (k < 5 || k > 100) {
            throw new IllegalArgumentException("Number of quantiles must be between 5 and 100");
        }
        List<Quantile> ordered = quantiles.stream()
                .sorted(Comparator.comparingDouble(Quantile::quantile))
                .toList();
        ValueType type = options.valueType();
        double[] y = new double[k]; // value on the modelling scale (log/logit for rates/proportions)
        double[] se = new double[k];
        double totalPopulation = 0;
        for (Quantile q : ordered) {
            if (!(q.population() > 0)) {
                throw new IllegalArgumentException("some groups have a zero, negative or missing population");
            }
            totalPopulation += q.population();
        }
        // The SE from limits always assumes they are 95% limits, whatever level is requested (as the reference).
        double z95 = Confidence.z(Confidence.P95);
        for (int i = 0; i < k; i++) {
            Quantile q = ordered.get(i);
            y[i] = toModelScale(q.value(), type);
            if (!Double.isNaN(q.standardError()) && !options.transform()) {
                if (q.standardError() < 0) {
                    throw new IllegalArgumentException("negative or missing standard errors in input dataset");
                }
                se[i] = q.standardError();
            } else {
                if (Double.isNaN(q.lowerCl()) || Double.isNaN(q.upperCl())) {
                    throw new IllegalArgumentException("missing lower or upper confidence limits in input dataset");
                }
                se[i] = (toModelScale(q.upperCl(), type) - toModelScale(q.lowerCl(), type)) / z95 / 2;
            }
        }
        double[] sqrtA = new double[k];
        double[] bSqrtA = new double[k];
        double cumulative = 0;
        for (int i = 0; i < k; i++) {
            double share = ordered.get(i).population() / totalPopulation;
            double midpoint = cumulative + share / 2;
            cumulative += share;
            sqrtA[i] = Math.sqrt(share);
            bSqrtA[i] = midpoint * sqrtA[i];
        }
        double[][] projection = leastSquaresProjection(sqrtA, bSqrtA);
        boolean backTransformEachDraw = !options.transform();
        double[] fitted = fit(projection, sqrtA, y, backTransformEachDraw ? type : ValueType.NORMAL);
        double[][] simulated =
                simulate(projection, sqrtA, y, se, options, backTransformEachDraw ? type : ValueType.NORMAL);
        return options.transform()
                ? transformedResult(fitted, simulated, options)
                : untransformedResult(fitted, simulated, options);
    }

    private static Result untransformedResult(double[] fitted, double[][] simulated, Options options) {
        double m = options.multiplier();
        double intercept = fitted[0];
        double slope = fitted[1];
        double rii = (intercept + slope) / intercept;
        double[] siiDraws =
                Arrays.stream(simulated).mapToDouble(p -> p[1] * m).sorted().toArray();
        double[] riiDraws = Arrays.stream(simulated)
                .mapToDouble(p -> m < 0 ? p[0] / (p[1] + p[0]) : (p[1] + p[0]) / p[0])
                .sorted()
                .toArray();
        List<Interval> intervals = new ArrayList<>();
        for (double c : options.confidences()) {
            int[] pos = percentilePositions(options.repetitions(), c);
            intervals.add(new Interval(c, siiDraws[pos[0]], siiDraws[pos[1]], riiDraws[pos[0]], riiDraws[pos[1]]));
        }
        return new Result(m * slope, m < 0 ? 1 / rii : rii, intercept, List.copyOf(intervals));
    }

    // On the log/logit scale the SII is the back-transformed difference between the fitted ends;
    // its limits come from the simulated slope placed symmetrically about the fitted midpoint.
    private static Result transformedResult(double[] fitted, double[][] simulated, Options options) {
        ValueType type = options.valueType();
        double m = options.multiplier();
        double intercept = fitted[0];
        double atOne = intercept + fitted[1];
        double midpoint = (intercept + atOne) / 2;
        double low = fromModelScale(intercept, type);
        double high = fromModelScale(atOne, type);
        double sii = (high - low) * m;
        double rii = m < 0 ? low / high : high / low;
        double[] slopes =
                Arrays.stream(simulated).mapToDouble(p -> p[1]).sorted().toArray();
        // the reference flips limits for rates when the multiplier is below 1, for proportions below 0
        boolean flip = type == ValueType.RATE ? m < 1 : m < 0;
        List<Interval> intervals = new ArrayList<>();
        for (double c : options.confidences()) {
            int[] pos = percentilePositions(options.repetitions(), c);
            double lowSlope = slopes[pos[0]];
            double highSlope = slopes[pos[1]];
            double lowerEnd0 = fromModelScale(midpoint - lowSlope / 2, type);
            double lowerEnd1 = fromModelScale(midpoint + lowSlope / 2, type);
            double upperEnd0 = fromModelScale(midpoint - highSlope / 2, type);
            double upperEnd1 = fromModelScale(midpoint + highSlope / 2, type);
            double siiLower = flip ? (upperEnd1 - upperEnd0) * m : (lowerEnd1 - lowerEnd0) * m;
            double siiUpper = flip ? (lowerEnd1 - lowerEnd0) * m : (upperEnd1 - upperEnd0) * m;
            double riiLower = flip ? upperEnd0 / upperEnd1 : lowerEnd1 / lowerEnd0;
            double riiUpper = flip ? lowerEnd0 / lowerEnd1 : upperEnd1 / upperEnd0;
            intervals.add(new Interval(c, siiLower, siiUpper, riiLower, riiUpper));
        }
        return new Result(sii, rii, low * Math.abs(m), List.copyOf(intervals));
    }

    /** 0-based indices of the lower and upper percentiles, rounded half-to-even as R's round(). */
    private static int[] percentilePositions(int repetitions, double confidence) {
        double upperFraction = confidence + (1 - confidence) / 2;
        int lower = (int) Math.rint(repetitions * (1 - upperFraction));
        int upper = (int) Math.rint(repetitions * upperFraction);
        return new int[] {Math.max(lower, 1) - 1, Math.min(upper, repetitions) - 1};
    }

    /** (XᵀX)⁻¹Xᵀ for the two regressors √a and b√a, as a 2×k matrix. */
    private static double[][] leastSquaresProjection(double[] x1, double[] x2) {
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        for (int i = 0; i < x1.length; i++) {
            s11 += x1[i] * x1[i];
            s12 += x1[i] * x2[i];
            s22 += x2[i] * x2[i];
        }
        double det = s11 * s22 - s12 * s12;
        double[][] p = new double[2][x1.length];
        for (int i = 0; i < x1.length; i++) {
            p[0][i] = (s22 * x1[i] - s12 * x2[i]) / det;
            p[1][i] = (-s12 * x1[i] + s11 * x2[i]) / det;
        }
        return p;
    }

    /** {β0, β1} for values on the model scale, back-transformed to the original scale first if asked. */
    private static double[] fit(double[][] projection, double[] sqrtA, double[] modelScale, ValueType backTransform) {
        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < sqrtA.length; i++) {
            double weighted = fromModelScale(modelScale[i], backTransform) * sqrtA[i];
            b0 += projection[0][i] * weighted;
            b1 += projection[1][i] * weighted;
        }
        return new double[] {b0, b1};
    }

    private static double[][] simulate(
            double[][] projection,
            double[] sqrtA,
            double[] mean,
            double[] se,
            Options options,
            ValueType backTransform) {
        Random random = new Random(options.seed());
        double[][] params = new double[options.repetitions()][];
        double[] draw = new double[mean.length];
        for (int r = 0; r < params.length; r++) {
            for (int i = 0; i < mean.length; i++) {
                draw[i] = mean[i] + se[i] * random.nextGaussian();
            }
            params[r] = fit(projection, sqrtA, draw, backTransform);
        }
        return params;
    }

    private static double toModelScale(double value, ValueType type) {
        return switch (type) {
            case NORMAL -> value;
            case RATE -> Math.log(value);
            case PROPORTION -> Math.log(value / (1 - value));
        };
    }

    private static double fromModelScale(double value, ValueType type) {
        return switch (type) {
            case NORMAL -> value;
            case RATE -> Math.exp(value);
            case PROPORTION -> Math.exp(value) / (1 + Math.exp(value));
        };
    }
}
