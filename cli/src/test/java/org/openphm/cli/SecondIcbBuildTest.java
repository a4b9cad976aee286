package org.openphm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.analyses.icb.IcbProfile;

/**
 * Issue 19 item 1, "any ICB", end to end: the second built-in synthetic ICB (Northmoor: three Places, other
 * practices, sites and providers) is generated, ingested and built with its own ICB profile, and its results are
 * its own: its ICB and Places, its Place pages and its sites, none of BLMK's.
 */
class SecondIcbBuildTest {

    /** BLMK's Place codes and acute site codes, which a Northmoor result must never carry. */
    private static final Pattern BLMK_CODES =
            Pattern.compile("E0600005[56]|E06000032|E06000042|\\bRC971\\b|\\bRC979\\b|\\bRD816\\b");

    @Test
    void theSecondSyntheticIcbBuildsWithItsOwnGeographyPagesAndSites(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        Path workspace = tmp.resolve("northmoor.duckdb");
        Path out = tmp.resolve("out");
        // the demo's size: much smaller builds trip the output check's differencing rule on some margins
        CliRun generated = CliRun.of("generate", "--icb", "northmoor", "--patients", "20000", "--out", data.toString());
        assertEquals(0, generated.code(), generated.err());
        assertTrue(generated.out().contains("NHS Northmoor Integrated Care Board"), generated.out());
        CliRun ingested = CliRun.of("ingest", "--workspace", workspace.toString(), data.toString());
        assertEquals(0, ingested.code(), ingested.err());

        CliRun built;
        System.setProperty(IcbProfile.PROPERTY, "northmoor");
        try {
            built = CliRun.of("build", "--workspace", workspace.toString(), "--out", out.toString(), "--no-pack");
        } finally {
            System.clearProperty(IcbProfile.PROPERTY);
        }
        assertEquals(0, built.code(), built.out() + built.err());
        assertTrue(built.out().contains("no disclosure problems"), built.out());

        Path results = out.resolve("results");
        List<String> summary = Files.readAllLines(results.resolve("dp-1.2-registered-population-summary.csv"));
        Set<String> areas = new TreeSet<>();
        for (String line : summary.subList(1, summary.size())) {
            String[] f = line.split(",");
            areas.add(f[0] + " " + f[1] + " " + f[2]);
        }
        assertEquals(
                Set.of(
                        "ICB QZZ NHS Northmoor Integrated Care Board",
                        "Place E06000901 Northmoor City",
                        "Place E07000902 Fenwick Vale",
                        "Place E07000903 Harrowdale",
                        "Neighbourhood NMR-N01 Riverside and Docks",
                        "Neighbourhood NMR-N02 Castle and Market",
                        "Neighbourhood NMR-N03 Northfield",
                        "Neighbourhood NMR-N04 Fenwick Town",
                        "Neighbourhood NMR-N05 Vale Villages",
                        "Neighbourhood NMR-N06 Harrowdale Moors"),
                areas);
        // the profile's ACSC Place pages, and its site names in the delays by site
        for (String page : List.of(
                "dp-8.5-acsc-adults-northmoor-city-by-year.csv",
                "dp-8.9-acsc-children-northmoor-city-by-year.csv",
                "dp-8.6-acsc-adults-fenwick-vale-by-year.csv",
                "dp-8.8-acsc-adults-harrowdale-by-year.csv")) {
            assertTrue(Files.exists(results.resolve(page)), page);
        }
        String metadata = Files.readString(results.resolve("metadata.json"));
        assertTrue(metadata.contains("Northmoor ICB"), "subtitles name the ICB by its profile's short name");

        List<String> carrying = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                if (BLMK_CODES.matcher(Files.readString(f)).find()) {
                    carrying.add(f.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), carrying, "results carrying a BLMK Place or site code");
    }
}
