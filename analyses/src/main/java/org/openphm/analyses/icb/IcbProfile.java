package org.openphm.analyses.icb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyses need to know about one ICB that its workspace does not hold: its short name, the Place
 * pages its data pack prints, how it names its acute sites, the provider a provider-level page is about, its
 * performance dashboard pages and the notes its data pack makes about its own figures.
 *
 * <p>Geography is not here: Place codes and names and the ICB's code and name are the workspace's (the practice
 * and lsoa reference tables; {@link org.openphm.analyses.indicator.Geography}). The built-in profile is the
 * resource {@code icb/blmk.yaml}, the ICB the synthetic population is shaped like. Another ICB supplies its own
 * YAML file (same keys; the built-in one documents them) through the system property {@value #PROPERTY} or the
 * environment variable {@value #ENVIRONMENT}, both a file path or the name of another built-in profile.
 *
 * @param shortName      how the ICB is named in subtitles and descriptions ("BLMK" in "BLMK ICB")
 * @param acscPlacePages the Place × cohort pages of the ACSC section
 * @param acuteSites     site code → its name and abbreviation, as the data pack prints them
 * @param camhsProvider  the provider the provider-level CAMHS page reports on, if the data pack has one
 * @param notes          caveats about the ICB's own figures, by the key the analysis asks for
 * @param dashboardPages the performance dashboard pages
 * @param waitingListGroups per waiting-list page (DP 7.7, 7.8) by analysis id, the provider teams it prints
 */
public record IcbProfile(
        String shortName,
        List<AcscPlacePage> acscPlacePages,
        Map<String, Site> acuteSites,
        Provider camhsProvider,
        Map<String, String> notes,
        List<DashboardPageSpec> dashboardPages,
        Map<String, List<TeamGroup>> waitingListGroups) {

    public static final String PROPERTY = "openphm.icb.profile";
    public static final String ENVIRONMENT = "OPENPHM_ICB_PROFILE";
    static final String BUILT_IN = "/icb/blmk.yaml";

    /** The profile last read, with the configured value it was read for ("" for the default). */
    private static volatile Loaded current;

    private record Loaded(String configured, IcbProfile profile) {}

    public IcbProfile {
        Objects.requireNonNull(shortName, "short_name is required");
        acscPlacePages = acscPlacePages == null ? List.of() : List.copyOf(acscPlacePages);
        acuteSites = acuteSites == null ? Map.of() : Map.copyOf(acuteSites);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        dashboardPages = dashboardPages == null ? List.of() : List.copyOf(dashboardPages);
        waitingListGroups = waitingListGroups == null ? Map.of() : Map.copyOf(waitingListGroups);
    }

    /** A Place page of the ACSC section: one Place's adults or children. */
    public record AcscPlacePage(String id, String section, String placeCode, String placeName, String cohort) {}

    /** An acute site as the data pack prints it, in full and abbreviated. */
    public record Site(String name, String shortName) {}

    /** A provider by ODS code, as the data pack calls it, and the area it serves. */
    public record Provider(String code, String shortName, String serves) {}

    /** A performance dashboard page; {@code dataPackMonth} as yyyy-MM. */
    public record DashboardPageSpec(
            String id,
            String section,
            String title,
            String definition,
            List<Metric> metrics,
            String dataPackMonth,
            List<String> caveats) {}

    /** One provider's teams of one setting ("Adult community"), printed as a page's top teams and their trend. */
    public record TeamGroup(String provider, String setting) {}

    /** The teams a waiting-list page prints, in the profile's order; none when the profile names none. */
    public List<TeamGroup> waitingListGroups(String analysisId) {
        return waitingListGroups.getOrDefault(analysisId, List.of());
    }

    /** A metric of a dashboard page and the organisations (ODS codes) it is printed for. */
    public record Metric(String id, String name, String unit, List<String> orgCodes) {}

    /**
     * The profile of this run: the file or built-in profile the property or environment names, else the default
     * built-in one. Read once per configured value, so a process that builds two ICBs one after the other (phm
     * demo of a second synthetic ICB, a test) gets each its own.
     */
    public static IcbProfile current() {
        String configured = configured().orElse("");
        Loaded l = current;
        if (l == null || !l.configured().equals(configured)) {
            synchronized (IcbProfile.class) {
                l = current;
                if (l == null || !l.configured().equals(configured)) {
                    l = new Loaded(configured, load());
                    current = l;
                }
            }
        }
        return l.profile();
    }

    /**
     * What the property or environment names, if anything: a profile file, or the name of a built-in profile
     * ("northmoor" for the resource icb/northmoor.yaml, the profile of the synthetic ICB of that name).
     */
    public static java.util.Optional<String> configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    /** The profile file the property or environment names, if it names a file rather than a built-in profile. */
    public static java.util.Optional<Path> configuredFile() {
        return configured().filter(v -> builtInResource(v) == null).map(Path::of);
    }

    /** The resource of a built-in profile by name, or null when there is none of that name. */
    private static String builtInResource(String name) {
        String resource = "/icb/" + name + ".yaml";
        return name.matches("[a-z0-9_-]+") && IcbProfile.class.getResource(resource) != null ? resource : null;
    }

    private static IcbProfile load() {
        java.util.Optional<String> configured = configured();
        String resource = configured.isEmpty() ? BUILT_IN : builtInResource(configured.get());
        if (resource == null) {
            Path file = Path.of(configured.get());
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the ICB profile " + file
                                + " (give a profile file, or the name of a built-in profile such as northmoor)",
                        e);
            }
        }
        try (InputStream in = IcbProfile.class.getResourceAsStream(resource)) {
            return read(Objects.requireNonNull(in, resource), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a profile; unknown keys are an error, so a misspelt key cannot pass silently. */
    public static IcbProfile read(InputStream in, String where) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return mapper.readValue(in, IcbProfile.class);
        } catch (IOException e) {
            throw new IOException("ICB profile " + where + ": " + e.getMessage(), e);
        }
    }

    /** A note of the data pack about the ICB's figures, when the profile has it. */
    public Optional<String> note(String key) {
        return Optional.ofNullable(notes.get(key));
    }

    /** An analysis's caveats with the ICB's own note (when the profile has it) between those before and after. */
    public List<String> caveats(List<String> before, String key, List<String> after) {
        List<String> all = new java.util.ArrayList<>(before);
        note(key).ifPresent(all::add);
        all.addAll(after);
        return List.copyOf(all);
    }

    /** "BLMK ICB": the ICB as a subtitle names it. */
    public String icbLabel() {
        return shortName + " ICB";
    }
}
