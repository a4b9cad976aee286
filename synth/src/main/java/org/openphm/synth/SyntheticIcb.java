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
 * pass: people are fixed by seed and index, so drawing them twice gives the same people), of a systematic
 * sample of them above {@link #CENSUS_WHOLE_UP_TO}.
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

    /**
     * Up to this many people drawn, the census counts everyone; above it, every k-th person (k the smallest that
     * keeps the sample within it), each standing for k. Why: the census draws every person a second time, a
     * third of generation's time, and the activity rates it calibrates are per Place, sex and single year of
     * age, which two million people measure to within a few per cent a cell, and the ICB's totals far closer.
     * Every ICB the size of BLMK (1.6 million people drawn for 1.14 million registered) is counted whole, so
     * its files do not change.
     */
    static final long CENSUS_WHOLE_UP_TO = 2_000_000;

    /** The census counts every k-th of {@code total} people drawn: 1 up to {@code wholeUpTo}. */
    static int censusEvery(long total, long wholeUpTo) {
        return (int) ((total + wholeUpTo - 1) / wholeUpTo);
    }

    /** Draws every person (or a systematic sample: censusEvery) once, without writing, and counts them. */
    static Census census(SynthOptions options, Progress progress) throws IOException {
        return census(options, progress, OrderedChunks.CHUNK);
    }

    /** @param chunk people counted together by one thread; the census is the same for any chunk */
    static Census census(SynthOptions options, Progress progress, int chunk) throws IOException {
        return census(options, progress, chunk, CENSUS_WHOLE_UP_TO);
    }

    /** @param wholeUpTo the most people counted whole ({@link #CENSUS_WHOLE_UP_TO}; tests use fewer) */
    static Census census(SynthOptions options, Progress progress, int chunk, long wholeUpTo) throws IOException {
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel people = new PersonModel(Geography.of(options.icb()), FittedParams.load(), flow);
        Census census = new Census(options.icb());
        long total = flow.total();
        int every = censusEvery(total, wholeUpTo);
        if (every > 1) {
            progress.message(String.format(
                    "Census of a systematic sample: one person in %d of the %,d drawn (by index), each standing for %d",
                    every, total, every));
        }
        ProgressSteps steps = new ProgressSteps(progress, "census", 50_000, total);
        OrderedChunks.run(
                total,
                chunk,
                options.drawingThreads(),
                (from, to) -> {
                    Census part = Census.part(options.icb());
                    for (long i = (from + every - 1) / every * every; i < to; i += every) {
                        part.add(
                                people.draw(i, "P" + i, Seeds.forPerson(options.seed(), i, 0))
                                        .person(),
                                every);
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
