package org.openphm.analyses.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.analyses.indicator.Geography;
import org.openphm.engine.Engine;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * What an analysis computes with: the engine over the workspace, its geography, the years it covers, the count
 * rule its tables are published under, and what the user supplied beyond the workspace (the saved risk model of
 * {@code phm risk train}; without it PHM 13.1 fits its own). Count columns are published under the rule after
 * {@link Analysis#compute} ({@code TableDisclosure.apply}); an analysis needs it only for a figure that tells
 * a count but is no count column (the impact waterfall's bars, which must add up as published).
 *
 * @param supplied inputs by type, each looked up by the analysis that uses it ({@link #supplied(Class)}); kept
 *                 by type so that this package need not know every family's inputs
 */
public record AnalysisContext(
        Engine engine,
        Geography geography,
        List<FinancialYear> years,
        Progress progress,
        Map<Class<?>, Object> supplied,
        DisclosureRule rule) {

    public AnalysisContext {
        supplied = Map.copyOf(supplied);
        supplied.forEach((type, value) -> type.cast(value));
    }

    /** Under the NHS count rule ({@link DisclosureRule#nhsDefault()}), what a build publishes by default. */
    public AnalysisContext(Engine engine, Geography geography, List<FinancialYear> years, Progress progress) {
        this(engine, geography, years, progress, Map.of(), DisclosureRule.nhsDefault());
    }

    /** The input of this type the user supplied, if any. */
    public <T> Optional<T> supplied(Class<T> type) {
        return Optional.ofNullable(type.cast(supplied.get(type)));
    }

    /** The inputs to pass as {@link #supplied}: each present value under its type. */
    public static Map<Class<?>, Object> supplying(Optional<?>... inputs) {
        Map<Class<?>, Object> out = new java.util.HashMap<>();
        for (Optional<?> input : inputs) {
            input.ifPresent(v -> out.put(v.getClass(), v));
        }
        return out;
    }

    public FinancialYear latestYear() {
        return years.get(years.size() - 1);
    }
}
