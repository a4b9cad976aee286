package org.openphm.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.synth.activity.ActivityGenerator;
import org.openphm.synth.activity.Census;
import org.openphm.synth.population.FittedParams;
import org.openphm.synth.population.Geography;
import org.openphm.synth.population.PersonModel;
import org.openphm.synth.population.PopulationFlow;

/**
 * Issue 19: people are drawn on several threads, in chunks, and the files must not depend on it. Small chunks
 * put many chunks in flight at once, so a chunk appended out of order or a sum merged in another order shows.
 */
class ParallelGenerationTest {
    private static final int SMALL_CHUNK = 97;

    @Test
    void theCensusCountedInPartsOnSeveralThreadsIsTheCensusCountedPersonByPerson() throws IOException {
        SynthOptions options = new SynthOptions(4_000, 19, true, null, null, 3);
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel people = new PersonModel(Geography.of(options.icb()), FittedParams.load(), flow);
        Census oneByOne = new Census(options.icb());
        for (long i = 0; i < flow.total(); i++) {
            oneByOne.add(people.draw(i, "P" + i, Seeds.forPerson(options.seed(), i, 0))
                    .person());
        }
        assertEquals(oneByOne, SyntheticIcb.census(options, Progress.SILENT, SMALL_CHUNK));
        assertEquals(oneByOne, SyntheticIcb.census(one(options), Progress.SILENT));
        assertNotEquals(
                oneByOne,
                SyntheticIcb.census(new SynthOptions(4_000, 20, true, null, null, 3), Progress.SILENT, SMALL_CHUNK),
                "another seed counts other people: the comparison can fail");
    }

    @Test
    void aLargePopulationsCensusIsASystematicSampleWeightedUpAndCloseToEveryone() throws IOException {
        SynthOptions options = new SynthOptions(20_000, 19, true, null, null, 2);
        PopulationFlow flow = new PopulationFlow(options.patients());
        PersonModel people = new PersonModel(Geography.of(options.icb()), FittedParams.load(), flow);
        long wholeUpTo = 4_000;
        int every = SyntheticIcb.censusEvery(flow.total(), wholeUpTo);
        assertEquals(7, every, "about 28,000 people drawn, at most 4,000 counted");
        Census sample = new Census(options.icb());
        Census everyone = new Census(options.icb());
        for (long i = 0; i < flow.total(); i++) {
            SyntheticPerson person = people.draw(i, "P" + i, Seeds.forPerson(options.seed(), i, 0))
                    .person();
            everyone.add(person);
            if (i % every == 0) {
                sample.add(person, every);
            }
        }
        Census counted = SyntheticIcb.census(options, Progress.SILENT, SMALL_CHUNK, wholeUpTo);
        assertEquals(sample, counted);
        assertEquals(everyone, SyntheticIcb.census(options, Progress.SILENT, SMALL_CHUNK, flow.total()));
        for (int year = 2019; year <= 2025; year++) {
            FinancialYear fy = new FinancialYear(year);
            double whole = everyone.total(fy);
            // one in 7 of about 20,000 registered: a binomial count's standard error is about 1.7% of the total
            assertEquals(whole, counted.total(fy), 0.05 * whole, fy + ": the weighted sample stands for everyone");
            assertNotEquals(whole, counted.total(fy), fy + ": a sample is not everyone (the test can fail)");
        }
    }

    @Test
    void everyFileIsByteIdenticalOnOneThreadAndOnSeveral(@TempDir Path tmp) throws IOException {
        SynthOptions several = new SynthOptions(8_000, 19, true, tmp.resolve("truth/several.csv"), null, 3);
        SynthOptions single = new SynthOptions(8_000, 19, true, tmp.resolve("truth/single.csv"), null, 1);
        List<PersonActivity> activity = List.of(new ActivityGenerator(SyntheticIcb.census(single, Progress.SILENT)));
        List<String> severalProgress = new ArrayList<>();
        List<String> singleProgress = new ArrayList<>();
        GenerationReport a = PopulationGenerator.generate(
                tmp.resolve("single"), single, activity, recording(singleProgress), OrderedChunks.CHUNK);
        GenerationReport b = PopulationGenerator.generate(
                tmp.resolve("several"), several, activity, recording(severalProgress), SMALL_CHUNK);

        assertEquals(a.rowsPerTable(), b.rowsPerTable());
        assertEquals(singleProgress, severalProgress);
        assertEquals("generate people 10000/" + a.rowsPerTable().get("patient"), singleProgress.get(0));
        List<String> files = names(tmp.resolve("single"));
        assertEquals(files, names(tmp.resolve("several")));
        assertEquals(11, files.size(), "every population and activity table: " + files);
        for (String f : files) {
            assertArrayEquals(
                    Files.readAllBytes(tmp.resolve("single").resolve(f)),
                    Files.readAllBytes(tmp.resolve("several").resolve(f)),
                    f);
        }
        assertArrayEquals(
                Files.readAllBytes(tmp.resolve("truth/single.csv")),
                Files.readAllBytes(tmp.resolve("truth/several.csv")),
                "the ceiling");
    }

    private static SynthOptions one(SynthOptions o) {
        return new SynthOptions(o.patients(), o.seed(), o.rawNhsNumbers(), o.ceiling(), o.icb(), 1);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Progress recording(List<String> into) {
        return new Progress() {
            @Override
            public void update(String task, long done, long total) {
                into.add(task + " " + done + "/" + total);
            }

            @Override
            public void message(String text) {}
        };
    }
}
