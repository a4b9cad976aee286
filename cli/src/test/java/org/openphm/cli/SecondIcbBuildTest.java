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
 * its own: its ICB and Places, its Place pages and its sites; no file it generates or publishes names a BLMK place,
 * organisation or site.
 */
class SecondIcbBuildTest {

    /**
     * BLMK's Place codes and names, its code, its acute sites and trusts by code and by the names its data pack uses,
     * which no Northmoor file, generated or published, may carry (typed here, not read from the definitions, so the
     * check does not share a mistake with the code it checks).
     */
    private static final Pattern BLMK = Pattern.compile("(?<![A-Za-z0-9])(?:E0600005[56]|E06000032|E06000042|QHG|BLMK"
            + "|Bedford|Bedfordshire|Luton|Milton Keynes|RC971|RC979|RD816|RC9|RD8|RV3|RWK|RYV|WICU|BHFT|MKUH|ELFT"
            + "|CNWL|CCS)(?![A-Za-z0-9])");

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

        // the generated files (the aggregate feeds are BLMK's tables relabelled) and every published file
        assertEquals(List.of(), carrying(data), "generated files carrying a BLMK label");
        assertEquals(List.of(), carrying(results), "results carrying a BLMK label");
    }

    private static List<String> carrying(Path dir) throws IOException {
        List<String> carrying = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // every text file (each Parquet result is the same table as its CSV)
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                java.util.regex.Matcher m = BLMK.matcher(Files.readString(f));
                if (m.find()) {
                    carrying.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        return carrying;
    }
}
