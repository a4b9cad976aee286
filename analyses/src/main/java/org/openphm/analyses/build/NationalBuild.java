package org.openphm.analyses.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openphm.analyses.indicator.AgeBandCounts;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.CellKey;
import org.openphm.analyses.indicator.DisclosureStep;
import org.openphm.analyses.indicator.EnglandComparator;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.IndicatorCalculator;
import org.openphm.analyses.indicator.IndicatorRow;
import org.openphm.analyses.indicator.IndicatorSource;
import org.openphm.analyses.indicator.IndicatorSpec;
import org.openphm.analyses.output.IndicatorFiles;
import org.openphm.analyses.pack.Catalogue;
import org.openphm.engine.Engine;
import org.openphm.model.AreaType;
import org.openphm.model.EnglandRegions;
import org.openphm.model.FinancialYear;
import org.openphm.model.Progress;
import org.openphm.stats.Polarity;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * {@code phm build-england}: the data pack's indicators for England, its NHS regions and its ICBs, from ICB
 * workspaces counted one at a time. Each workspace's indicator families are counted as {@code phm build} counts
 * them (and kept in a build cache of its own, so a run resumes and recounts only a changed workspace); only the
 * ICB cells are kept, by age band. A region's cells are the sums of its ICBs', England's the sums of all: counts
 * and populations add, so every value (proportion, crude rate, DSR) is computed from the same counts whichever
 * level it is for, and memory holds ICB cells, never a workspace's practices or people.
 *
 * <p>England here is the England of these workspaces: it is what every region and ICB is compared with as England
 * (its published value is not used), and it is itself compared with nothing. An ICB's parent is its region, a
 * region's England. Disclosure control treats England = its regions and region = its ICBs as margins, like the
 * geography of one ICB.
 */
public final class NationalBuild {

    /** What counting one workspace kept: its ICBs, their cells, and how many family counts were reused. */
    public record Counted(List<String> icbs, int cells, int reusedSteps, int computedSteps, Duration time) {}

    /** What was published. */
    public record Summary(
            Path resultsDir,
            Path analystDir,
            List<FinancialYear> years,
            int regions,
            int icbs,
            int indicators,
            long publishedRows,
            List<Path> files) {}

    private final DisclosureRule rule;
    private final List<FinancialYear> years;
    private final Map<CellKey, AgeBandCounts> icbCells = new HashMap<>();
    /** ICB areas, each with its region as parent, in the order they were counted. */
    private final Map<String, Geography.Area> icbs = new LinkedHashMap<>();

    private final Map<String, String> workspaceOfIcb = new HashMap<>();
    private final Map<String, EnglandRegions.Region> regions = new TreeMap<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    /** @param years the years every workspace is counted for: see {@link #commonYears} */
    public NationalBuild(DisclosureRule rule, List<FinancialYear> years) {
        if (years.isEmpty()) {
            throw new IllegalArgumentException("no financial year is complete in every workspace");
        }
        this.rule = rule;
        this.years = List.copyOf(years);
    }

    /**
     * The years complete in every workspace (each given as {@code Periods.of} finds it): England's figures are
     * of the same years for every ICB, so a year one workspace lacks is left out for all.
     */
    public static List<FinancialYear> commonYears(List<List<FinancialYear>> perWorkspace) {
        Set<FinancialYear> common = new LinkedHashSet<>(perWorkspace.get(0));
        perWorkspace.forEach(common::retainAll);
        return List.copyOf(common);
    }

    /**
     * Counts every indicator family on one workspace and keeps its ICBs' cells.
     *
     * @param name  the workspace, as messages name it
     * @param cache this workspace's build cache folder (family counts reused while its tables are unchanged), or
     *              null to count every family
     * @throws IllegalArgumentException when an ICB of the workspace was counted from another workspace, or is not
     *                                  in NHS England's table of ICBs and regions
     */
    public Counted add(Engine workspace, String name, Path cache, boolean reuseCache, Progress progress)
            throws IOException {
        long t0 = System.nanoTime();
        InputRecordingEngine recording = new InputRecordingEngine(workspace);
        Geography geography = Geography.load(recording);
        List<String> found = new ArrayList<>();
        for (Geography.Area icb : geography.areas(AreaType.ICB)) {
            String before = workspaceOfIcb.putIfAbsent(icb.code(), name);
            if (before != null) {
                throw new IllegalArgumentException("ICB " + icb.code() + " is in both " + before + " and " + name
                        + ": England would count its people twice; build from one workspace per ICB");
            }
            EnglandRegions.Region region = EnglandRegions.of(icb.code())
                    .orElseThrow(() -> new IllegalArgumentException("ICB " + icb.code() + " of " + name
                            + " is not in NHS England's table of ICBs and their regions (model's reference"
                            + " england_icbs_2024_02.csv), so it cannot be placed in a region"));
            regions.put(region.code(), region);
            icbs.put(icb.code(), new Geography.Area(icb.code(), icb.name(), AreaType.ICB, region.code()));
            found.add(icb.code());
        }
        // the counts only: nothing is written to an output folder
        Build.Options options = new Build.Options(null, years, false, rule, name);
        if (cache != null) {
            options = options.withCache(cache, reuseCache);
        }
        Steps steps = Steps.open(options, years, workspace, recording, progress);
        int kept = 0;
        for (IndicatorSource source : Catalogue.indicatorSources()) {
            String family = source.getClass().getSimpleName();
            progress.message("Counting " + family + " in " + name);
            Map<CellKey, AgeBandCounts> cells = steps.cells(family, years, () -> source.count(recording, years));
            for (Map.Entry<CellKey, AgeBandCounts> e : cells.entrySet()) {
                if (e.getKey().areaType() == AreaType.ICB) {
                    icbCells.put(e.getKey(), e.getValue());
                    kept++;
                }
            }
        }
        steps.report();
        Duration time = Duration.ofNanos(System.nanoTime() - t0);
        timings.put("Counting " + name, time);
        return new Counted(found, kept, steps.reused().size(), steps.computed().size(), time);
    }

    /**
     * Adds up regions and England, computes every indicator for the three levels, and writes them through
     * disclosure control into {@code resultsDir} (and, unsuppressed, into {@code analystDir} when it is not
     * null), with the metadata.json the output check reads.
     */
    public Summary publish(Path resultsDir, Path analystDir, String population, Progress progress) throws IOException {
        if (icbs.isEmpty()) {
            throw new IllegalStateException("no ICB was counted: give build-england at least one workspace");
        }
        long t0 = System.nanoTime();
        progress.message("Adding up " + regions.size() + " regions and England from " + icbs.size() + " ICBs");
        Map<CellKey, AgeBandCounts> cells = withRegionsAndEngland();
        List<Geography.Area> areas = new ArrayList<>();
        regions.values()
                .forEach(r ->
                        areas.add(new Geography.Area(r.code(), r.name(), AreaType.REGION, Geography.ENGLAND_CODE)));
        areas.addAll(icbs.values());
        Geography geography = Geography.of(areas);
        List<IndicatorSpec> specs = Catalogue.indicatorSources().stream()
                .flatMap(s -> s.indicators().stream())
                .toList();
        IndicatorCalculator calculator = new IndicatorCalculator(geography, englandOf(geography, specs, cells));
        progress.message("Statistics and disclosure control of " + specs.size() + " indicators");
        DisclosureStep.Rows rows = new DisclosureStep(geography, rule).publish(specs, calculator, cells);
        Map<String, Polarity> polarities = new HashMap<>();
        specs.forEach(s -> polarities.put(s.metadata().id(), s.metadata().polarity()));
        Files.createDirectories(resultsDir);
        List<Path> files =
                new ArrayList<>(IndicatorFiles.write(resultsDir, rows.published(), geography.names(), polarities));
        if (analystDir != null) {
            Files.createDirectories(analystDir);
            files.addAll(IndicatorFiles.write(analystDir, rows.exact(), geography.names(), polarities));
        }
        timings.put("England, regions and ICBs", Duration.ofNanos(System.nanoTime() - t0));
        files.add(
                MetadataFile.write(resultsDir, population, specs, List.of(), m -> List.of(), rule, timings, List.of()));
        return new Summary(
                resultsDir,
                analystDir,
                years,
                regions.size(),
                icbs.size(),
                specs.size(),
                rows.published().size(),
                files);
    }

    /** The ICB cells with each region's and England's added: sums, band by band. */
    Map<CellKey, AgeBandCounts> withRegionsAndEngland() {
        Map<CellKey, AgeBandCounts> out = new HashMap<>(icbCells);
        for (Map.Entry<CellKey, AgeBandCounts> e : icbCells.entrySet()) {
            CellKey k = e.getKey();
            String region = icbs.get(k.areaCode()).parentCode();
            out.computeIfAbsent(at(k, region, AreaType.REGION), x -> new AgeBandCounts())
                    .addAll(e.getValue());
            out.computeIfAbsent(at(k, Geography.ENGLAND_CODE, AreaType.ENGLAND), x -> new AgeBandCounts())
                    .addAll(e.getValue());
        }
        return out;
    }

    private static CellKey at(CellKey k, String area, AreaType type) {
        return new CellKey(k.indicatorId(), area, type, k.period(), k.breakdown(), k.category());
    }

    /**
     * England's headline values, computed from its cells: the comparator of every region and ICB. They are never
     * published as such (England's own row is, from its rounded counts).
     */
    private EnglandComparator englandOf(
            Geography geography, List<IndicatorSpec> specs, Map<CellKey, AgeBandCounts> cells) {
        Map<String, Map<CellKey, AgeBandCounts>> byIndicator = new HashMap<>();
        cells.forEach((k, c) -> {
            if (k.areaType() == AreaType.ENGLAND && k.breakdown() == Breakdown.NONE) {
                byIndicator
                        .computeIfAbsent(k.indicatorId(), x -> new HashMap<>())
                        .put(k, c);
            }
        });
        IndicatorCalculator alone = new IndicatorCalculator(geography, EnglandComparator.empty());
        EnglandComparator england = EnglandComparator.empty();
        String source = "England as the sum of the " + icbs.size() + " ICBs built together";
        for (IndicatorSpec spec : specs) {
            for (IndicatorRow row :
                    alone.rows(spec, byIndicator.getOrDefault(IndicatorCalculator.baseId(spec), Map.of()))) {
                if (row.value() != null) {
                    england.put(
                            row.indicatorId(), row.period(), new EnglandComparator.Value(row.value(), false, source));
                }
            }
        }
        return england;
    }
}
