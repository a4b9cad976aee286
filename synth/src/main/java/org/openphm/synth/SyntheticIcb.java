package org.openphm.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.Progress;
import org.openphm.synth.activity.ActivityGenerator;
import org.openphm.synth.activity.Census;
import org.openphm.synth.comparator.EnglandComparatorWriter;
import org.openphm.synth.feeds.FeedsGenerator;
import org.openphm.synth.population.FittedParams;
import org.openphm.synth.population.Geography;
import org.openphm.synth.population.PersonModel;
import org.openphm.synth.population.PopulationFlow;

/**
 * The whole synthetic ICB in one folder: people and their activity, the aggregate feeds and the England
 * comparator. Activity rates are calibrated on a census of the people actually drawn (a first, write-free
 * pass: people are fixed by seed and index, so drawing them twice gives the same people).
 */
public final class SyntheticIcb {
    private SyntheticIcb() {}

    /**
     * @param comparatorAgeLabels indicator age labels by register id, for the England comparator rows
     * @return rows written per table
     */
    public static Map<String, Long> generate(
            Path out, SynthOptions options, Map<String, String> comparatorAgeLabels, Progress progress)
            throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        progress.message(String.format(
                "Census of %,d synthetic patients (seed %d), to calibrate their activity",
                options.patients(), options.seed()));
        Census census = census(options, progress);
        rows.putAll(PopulationGenerator.generate(out, options, List.of(new ActivityGenerator(census)), progress)
                .rowsPerTable());
        progress.message("Writing aggregate feeds");
        rows.putAll(FeedsGenerator.generate(out, options.icb(), options.seed(), options.patients(), progress));
        rows.put("england_comparator", EnglandComparatorWriter.write(out, comparatorAgeLabels));
        return rows;
    }

    /** Draws every person once, without writing, and counts them for the activity model. */
    static Census census(SynthOptions options, Progress progress) throws IOException {
        return census(options, progress, OrderedChunks.CHUNK);
    }

    /** @param chunk people counted together by one thread; the census is the same for any chunk */
    static Census census(SynthOptions options, Progress progress, int chunk) throws IOException {
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel people = new PersonModel(Geography.of(options.icb()), FittedParams.load(), flow);
        Census census = new Census(options.icb());
        long total = flow.total();
        ProgressSteps steps = new ProgressSteps(progress, "census", 50_000, total);
        OrderedChunks.run(
                total,
                chunk,
                options.drawingThreads(),
                (from, to) -> {
                    Census part = Census.part(options.icb());
                    for (long i = from; i < to; i++) {
                        part.add(people.draw(i, "P" + i, Seeds.forPerson(options.seed(), i, 0))
                                .person());
                    }
                    return part;
                },
                (part, from, to) -> {
                    census.addAll(part);
                    steps.done(from, to);
                });
        return census;
    }
}
