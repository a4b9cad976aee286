package org.openphm.synth.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openphm.synth.icb.IcbYaml.northmoor;
import static org.openphm.synth.icb.IcbYaml.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * Issue 19 item 1: the aggregate feeds are built from BLMK's published tables, so a second ICB's feeds must carry
 * none of BLMK's organisations or places. Northmoor's are relabelled by its definition; a label it does not relabel
 * stops generation, naming the feed and the label; a definition that neither owns tables nor says whose it borrows is
 * refused.
 */
class FeedRelabelTest {
    /** BLMK's labels as a reader would look for them, typed here, and those its definition lists. */
    private static Pattern blmk() {
        List<String> labels = new ArrayList<>(List.of(
                "QHG", "BLMK", "Bedford", "Bedfordshire", "Luton", "Milton Keynes", "RV3", "RWK", "RYV", "RC9", "RD8"));
        labels.addAll(SyntheticIcbDefinition.load("blmk").ownLabels());
        return Pattern.compile("(?<![A-Za-z0-9])(?:"
                + String.join("|", labels.stream().map(Pattern::quote).toList()) + ")(?![A-Za-z0-9])");
    }

    @Test
    void northmoorsFeedsCarryNoBlmkLabel(@TempDir Path dir) throws IOException {
        SyntheticIcbDefinition northmoor = SyntheticIcbDefinition.load("northmoor");
        FeedsGenerator.generate(dir, northmoor, 42, northmoor.registeredPatients(), Progress.SILENT);
        Pattern blmk = blmk();
        List<String> found = new ArrayList<>();
        int lines = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    lines++;
                    Matcher m = blmk.matcher(line);
                    if (m.find()) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(lines > 1000, "the feeds were written: " + lines + " lines");
        assertEquals(List.of(), found);
        // relabelled, not dropped: the mental-health trust's staff and BLMK's allocation rows are Northmoor's
        String workforce = Files.readString(dir.resolve("workforce.csv"));
        assertTrue(workforce.contains("RZ6,333 L3 [Northmoor City CH] Community Health - Northmoor City"), workforce);
        assertTrue(Files.readString(dir.resolve("allocation.csv")).contains("Northmoor ICB"));
    }

    @Test
    void theSameFeedsForBlmkAreItsOwnTables(@TempDir Path dir) throws IOException {
        SyntheticIcbDefinition blmk = SyntheticIcbDefinition.load("blmk");
        FeedsGenerator.generate(dir, blmk, 42, blmk.registeredPatients(), Progress.SILENT);
        assertTrue(Files.readString(dir.resolve("allocation.csv")).contains("BLMK ICB"));
    }

    @Test
    void aBlmkLabelLeftUnrelabelledStopsGenerationNamingIt(@TempDir Path dir) throws IOException {
        String yaml = northmoor().replace("    CNWL: Northmoor Minds\n", "");
        SyntheticIcbDefinition partial = read(yaml);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FeedsGenerator.generate(dir, partial, 42, partial.registeredPatients(), Progress.SILENT));
        assertTrue(e.getMessage().contains("'CNWL'") && e.getMessage().contains("feeds.relabel"), e.getMessage());
    }

    @Test
    void aRelabellingToNothingIsRefusedNamingTheLabel() throws IOException {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> read(northmoor().replace("CNWL: Northmoor Minds", "CNWL:")));
        assertTrue(e.getMessage().contains("feeds.relabel gives CNWL no label of this ICB's"), e.getMessage());
    }

    @Test
    void aDefinitionThatNeitherOwnsNorBorrowsFeedsIsRefused() throws IOException {
        int from = northmoor().indexOf("feeds:\n");
        int to = northmoor().indexOf("\nchild_acsc:");
        String yaml = northmoor().substring(0, from) + northmoor().substring(to);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains("feeds: {source: ..., relabel: {...}}"), e.getMessage());
    }
}
