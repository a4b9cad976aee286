package org.openphm.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Progress;
import org.openphm.synth.population.DrawnPerson;
import org.openphm.synth.population.FittedParams;
import org.openphm.synth.population.Geography;
import org.openphm.synth.population.PersonModel;
import org.openphm.synth.population.PersonRows;
import org.openphm.synth.population.PopulationFlow;
import org.openphm.synth.population.PopulationProjection;
import org.openphm.synth.population.ReferenceTables;

/**
 * Generates the synthetic BLMK population (issue 2, "phm generate"): streams chunk by chunk of people, each
 * person's rows written and handed to every activity model, chunks drawn on several threads and appended in
 * order ({@link OrderedChunks}), so memory does not grow with the population and the files do not depend on
 * the number of threads. Writes one CSV per canonical table, named after the table.
 */
public final class PopulationGenerator {
    static final int PROGRESS_EVERY = 10_000;
    static final String TASK = "generate people";

    private PopulationGenerator() {}

    /**
     * @param activity models run on every person after it is drawn, on {@link SynthOptions#drawingThreads}
     *                 threads
     */
    public static GenerationReport generate(
            Path outDir, SynthOptions options, List<PersonActivity> activity, Progress progress) throws IOException {
        return generate(outDir, options, activity, progress, OrderedChunks.CHUNK);
    }

    /** @param chunk people drawn together by one thread (tests use small chunks to have many in flight) */
    static GenerationReport generate(
            Path outDir, SynthOptions options, List<PersonActivity> activity, Progress progress, int chunk)
            throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        Geography geography = Geography.of(options.icb());
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel model = new PersonModel(geography, FittedParams.load(), flow, options.firstPerson());
        Map<String, Long> rows = new LinkedHashMap<>();
        progress.message("Writing reference tables and population projections");
        rows.put(CanonicalSchema.PRACTICE.name(), ReferenceTables.writePractices(outDir, geography));
        rows.put(CanonicalSchema.LSOA.name(), ReferenceTables.writeLsoas(outDir, geography));
        rows.put(
                CanonicalSchema.POPULATION_PROJECTION.name(),
                PopulationProjection.write(
                        outDir, options.patients(), options.icb().places()));
        long total = flow.total();
        progress.message(String.format(
                "Drawing %,d people: %,d registered on %s, %,d who left before, %,d who join after",
                total, flow.residents(), PopulationFlow.REFERENCE_DATE, flow.leavers(), flow.joiners()));
        try (TableSinks sinks = new TableSinks(outDir, options.rawNhsNumbers())) {
            if (options.ceiling() != null) {
                progress.message(
                        "Writing the risk model's ceiling (true admission probabilities) to " + options.ceiling());
                sinks.openCeiling(options.ceiling());
            }
            // Open the population tables first so they exist (with headers) even when empty.
            for (var t : List.of(
                    CanonicalSchema.PATIENT,
                    CanonicalSchema.REGISTRATION,
                    CanonicalSchema.CONDITION,
                    CanonicalSchema.OBSERVATION)) {
                sinks.of(t);
            }
            // Each chunk's rows are drawn into memory on a worker and appended here in the order of its people.
            TableSinks empty = sinks.buffer();
            ProgressSteps steps = new ProgressSteps(progress, TASK, PROGRESS_EVERY, total);
            OrderedChunks.run(
                    total,
                    chunk,
                    options.drawingThreads(),
                    (from, to) -> draw(model, options, activity, from, to, empty.buffer()),
                    (buffer, from, to) -> {
                        sinks.append(buffer);
                        steps.done(from, to);
                    });
            // A table nobody drew a row of (no detention in a small ICB) is still written, with its header: ingest
            // requires every person-level table. Opened last, so the tables that have rows keep their order.
            for (var t : List.of(
                    CanonicalSchema.REFERRAL,
                    CanonicalSchema.WAITING_ENTRY,
                    CanonicalSchema.SPELL,
                    CanonicalSchema.DETENTION)) {
                sinks.of(t);
            }
            rows.putAll(sinks.rowCounts());
        }
        return new GenerationReport(rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Writes the people from (inclusive) to to (exclusive) and their activity to {@code sinks}. */
    private static TableSinks draw(
            PersonModel model,
            SynthOptions options,
            List<PersonActivity> activity,
            long from,
            long to,
            TableSinks sinks)
            throws IOException {
        for (long i = from; i < to; i++) {
            long number = options.firstPerson() + i;
            String key = options.rawNhsNumbers() ? NhsNumbers.of(number) : "P" + number;
            DrawnPerson person = model.draw(i, key, Seeds.forPerson(options.seed(), i, 0));
            PersonRows.write(person, sinks);
            for (int m = 0; m < activity.size(); m++) {
                activity.get(m).emit(person.person(), Seeds.forPerson(options.seed(), i, m + 1), sinks);
            }
        }
        return sinks;
    }
}
