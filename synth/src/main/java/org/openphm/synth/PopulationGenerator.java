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
 * Generates the synthetic BLMK population (issue 2, "phm generate"): streams person by person, writing each
 * person's rows and handing them to every activity model before drawing the next, so memory does not grow
 * with the population. Writes one CSV per canonical table, named after the table.
 */
public final class PopulationGenerator {
    static final int PROGRESS_EVERY = 10_000;
    static final String TASK = "generate people";

    private PopulationGenerator() {}

    public static GenerationReport generate(
            Path outDir, SynthOptions options, List<PersonActivity> activity, Progress progress) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        Geography geography = Geography.of(options.icb());
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel model = new PersonModel(geography, FittedParams.load(), flow);
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
            for (long i = 0; i < total; i++) {
                String key = options.rawNhsNumbers() ? NhsNumbers.of(i) : "P" + i;
                DrawnPerson person = model.draw(i, key, Seeds.forPerson(options.seed(), i, 0));
                PersonRows.write(person, sinks);
                for (int m = 0; m < activity.size(); m++) {
                    activity.get(m).emit(person.person(), Seeds.forPerson(options.seed(), i, m + 1), sinks);
                }
                if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == total) {
                    progress.update(TASK, i + 1, total);
                }
            }
            rows.putAll(sinks.rowCounts());
        }
        return new GenerationReport(rows, Duration.ofNanos(System.nanoTime() - started));
    }
}
