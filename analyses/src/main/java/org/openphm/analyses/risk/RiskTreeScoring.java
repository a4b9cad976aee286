package org.openphm.analyses.risk;

import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.isNull;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.math;
import static org.openphm.engine.query.Expr.or;
import static org.openphm.engine.query.Expr.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;

/**
 * The gradient-boosted trees rendered as engine-neutral expressions, so a whole population is scored where the data
 * lives, like the logistic model ({@link RiskScoring}): each tree a nested CASE over the feature columns, margin =
 * base margin + the trees' leaves (a balanced sum), risk = 1 / (1 + exp(−margin)).
 *
 * <p>A split sends a row "yes" on {@code feature < bound} (or {@code <=}, see {@link RiskTrees.Split#yes}), the
 * double form of XGBoost's float32 comparison, so the engine takes XGBoost's branch for every double, including a
 * feature that equals a threshold once rounded to a float. A NULL feature takes the split's missing branch, as in
 * XGBoost (the features are never NULL, but the rendering does not rely on it).
 */
public final class RiskTreeScoring {
    private RiskTreeScoring() {}

    /** Columns: person_id, practice_code, pcn_code, neighbourhood_code, place_code, risk. */
    public static Query scores(RiskTrees.Model model, LocalDate index) {
        if (!model.features().equals(RiskFeatures.names())) {
            throw new IllegalArgumentException(
                    "the trees were trained on other features than this build defines: " + model.features());
        }
        return RiskCohort.withFeatures(index)
                .select(
                        Named.as("person_id", col("person_id")),
                        Named.as("practice_code", col("practice_code")),
                        Named.as("pcn_code", col("pcn_code")),
                        Named.as("neighbourhood_code", col("neighbourhood_code")),
                        Named.as("place_code", col("place_code")),
                        Named.as("risk", risk(model)));
    }

    /** 1 / (1 + exp(−margin)). */
    public static Expr risk(RiskTrees.Model model) {
        return lit(1.0).dividedBy(lit(1.0).plus(math(Expr.MathOp.EXP, lit(0.0).minus(margin(model)))));
    }

    /** The base margin plus each tree's leaf, added pairwise in the order of {@link RiskTrees.Model#margin}. */
    public static Expr margin(RiskTrees.Model model) {
        List<Expr> terms = new ArrayList<>();
        terms.add(lit(model.baseMargin()));
        for (RiskTrees.Tree tree : model.trees()) {
            terms.add(tree(tree, model.features()));
        }
        return pairwise(terms, 0, terms.size());
    }

    /** As {@link RiskTrees#pairwise}: a balanced sum, a few additions deep, which every SQL parser takes quickly. */
    private static Expr pairwise(List<Expr> terms, int from, int to) {
        if (to - from == 1) {
            return terms.get(from);
        }
        int mid = (from + to) >>> 1;
        return pairwise(terms, from, mid).plus(pairwise(terms, mid, to));
    }

    /** One tree as a nested CASE. */
    public static Expr tree(RiskTrees.Tree tree, List<String> features) {
        return node(tree, 0, features);
    }

    private static Expr node(RiskTrees.Tree tree, int node, List<String> features) {
        if (tree.isLeaf(node)) {
            return lit((double) tree.leaves()[node]);
        }
        RiskTrees.Split s = tree.splits()[node];
        Expr x = col(features.get(s.feature()));
        Expr bound = lit(s.bound());
        Expr yes = s.boundIsYes() ? x.le(bound) : x.lt(bound);
        Expr goesYes = s.missingYes() ? or(isNull(x), yes) : yes;
        // a NULL feature makes the comparison NULL, which CASE treats as not matched: it then goes "no" unless
        // the missing branch is "yes", where the IS NULL term catches it
        return when(goesYes, node(tree, s.yes(), features)).otherwise(node(tree, s.no(), features));
    }
}
