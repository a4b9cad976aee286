package org.openphm.synth.icb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What makes a synthetic ICB this ICB and not another: its code and name, its size, where its practices are, its
 * Places with their population and activity parameters, the hospitals its patients are admitted to and who
 * provides its community services. The generator's models (age, conditions, deaths, admissions, referrals) are
 * the same for every ICB; everything here is data, read from a YAML file, so a new ICB needs no Java.
 *
 * <p>Built-in definitions live next to this class ({@code icb/<name>.yaml}); a user's own is any file of the same
 * shape. Unknown keys are an error, so a misspelt key cannot pass silently.
 *
 * @param code               the ICB's ODS code
 * @param name               its statutory name
 * @param registeredPatients registered patients on 31 March 2025: the size the activity targets belong to, and
 *                           the default size of a generated population
 * @param practices          where the practice geography comes from
 * @param sites              the hospitals its patients are admitted to, local first
 * @param places             its Places, in the order their random draws are made
 * @param childAcsc          ICB-wide children's emergency-admission targets
 * @param communityWaits     mean wait in days from referral to first contact where a provider's service
 *                           differs from the referral catalogue's; the first rule that matches applies
 * @param rehabilitationUnit an intermediate-care unit taking older patients from one acute site, or null
 * @param feedLabels         of an ICB whose published tables the aggregate feeds are built from: the names and codes
 *                           of its own organisations and places those tables carry beyond this definition's
 *                           codes, Places, sites and providers (an ICB borrowing the tables must relabel them all)
 * @param feeds              of any other ICB: whose tables its aggregate feeds borrow, and how they are relabelled
 * @param lsoaCodesFrom      where the synthetic LSOA codes are numbered from (E019 and five digits) when several ICBs
 *                           are generated together and their codes must not repeat (England); null for each Place's
 *                           own series
 */
public record SyntheticIcbDefinition(
        String code,
        String name,
        long registeredPatients,
        Practices practices,
        List<Site> sites,
        List<Place> places,
        ChildAcsc childAcsc,
        List<Wait> communityWaits,
        RehabilitationUnit rehabilitationUnit,
        List<String> feedLabels,
        Feeds feeds,
        Integer lsoaCodesFrom) {

    /**
     * @param geography the practice geography: practice_code, pcn_code, pcn_name, neighbourhood_code,
     *                  neighbourhood_name, place_code and, unless {@code names} is given, practice_name. A file (in a
     *                  definition file, relative to its folder) or a classpath resource ("/org/...")
     * @param names     optional table with practice_code and practice_name, found the same way
     */
    public record Practices(String geography, String names) {

        /** With relative file names taken as relative to {@code folder}, the folder of the definition file. */
        Practices under(Path folder) {
            return new Practices(resolve(folder, geography), resolve(folder, names));
        }

        private static String resolve(Path folder, String path) {
            if (path == null || path.startsWith("/") || Path.of(path).isAbsolute()) {
                return path;
            }
            return folder.resolve(path).toAbsolutePath().normalize().toString();
        }
    }

    /**
     * @param emergencyRate        children's emergency admissions per child-year
     * @param unlistedAdmissions   children's ACSC admissions of the Places without their own child_acsc,
     *                             shared in proportion to their children
     */
    public record ChildAcsc(double emergencyRate, double unlistedAdmissions) {}

    public record Wait(String provider, ServiceRule when, double days) {}

    /**
     * @param fromSite  the acute site whose older emergency patients it takes
     * @param provider  the trust that runs it
     * @param site      its site code in the spells
     */
    public record RehabilitationUnit(String fromSite, String provider, String site) {}

    /**
     * The aggregate feeds of an ICB without published tables of its own: another ICB's tables with every label of
     * that ICB replaced by one of this ICB's.
     *
     * @param source  the definition (built-in name or file) whose tables are borrowed
     * @param relabel each of the source's labels the tables carry, and what this ICB calls it instead
     */
    public record Feeds(String source, Map<String, String> relabel) {}

    /**
     * Every label of this ICB's own in its published tables: its code, Place codes and names, site and provider
     * codes and {@link #feedLabels}. Another ICB's feeds must carry none of them.
     */
    public java.util.Set<String> ownLabels() {
        java.util.Set<String> labels = new java.util.LinkedHashSet<>();
        labels.add(code);
        for (Place p : places) {
            labels.add(p.code());
            labels.add(p.name());
            labels.add(p.community().provider());
            if (p.community().rules() != null) {
                p.community().rules().forEach(r -> labels.add(r.provider()));
            }
        }
        for (Site s : sites) {
            labels.add(s.provider());
            if (s.code() != null) {
                labels.add(s.code());
            }
        }
        if (communityWaits != null) {
            communityWaits.forEach(w -> labels.add(w.provider()));
        }
        if (rehabilitationUnit != null) {
            labels.add(rehabilitationUnit.provider());
            labels.add(rehabilitationUnit.site());
        }
        if (feedLabels != null) {
            labels.addAll(feedLabels);
        }
        return labels;
    }

    /** The folder of the built-in definitions, on the classpath. */
    static final String BUILT_IN = "/org/openphm/synth/icb/";

    /** The built-in definition the generator uses when none is named. */
    public static final String DEFAULT = "blmk";

    public SyntheticIcbDefinition {
        // each Place and site knows its position, by which the models index their arrays
        List<Place> p = places == null ? List.of() : places;
        List<Site> s = sites == null ? List.of() : sites;
        places = IntStream.range(0, p.size()).mapToObj(i -> p.get(i).at(i)).toList();
        sites = IntStream.range(0, s.size()).mapToObj(i -> s.get(i).at(i)).toList();
    }

    /** A built-in definition by name ("blmk"), or a definition file by path. */
    public static SyntheticIcbDefinition load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file.toString())
                        .withPractices(Path.of(nameOrFile).toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the synthetic ICB definition " + file, e);
            }
        }
        String resource = BUILT_IN + nameOrFile + ".yaml";
        try (InputStream in = SyntheticIcbDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no synthetic ICB definition '" + nameOrFile
                        + "': give a built-in name (" + String.join(", ", builtIn()) + ") or a YAML file");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SyntheticIcbDefinition withPractices(Path folder) {
        if (practices == null) {
            return this;
        }
        return new SyntheticIcbDefinition(
                code,
                name,
                registeredPatients,
                practices.under(folder),
                sites,
                places,
                childAcsc,
                communityWaits,
                rehabilitationUnit,
                feedLabels,
                feeds,
                lsoaCodesFrom);
    }

    /** The default built-in definition, read once. */
    public static SyntheticIcbDefinition defaultIcb() {
        return DefaultHolder.ICB;
    }

    private static final class DefaultHolder {
        static final SyntheticIcbDefinition ICB = load(DEFAULT);
    }

    /** The names of the built-in definitions, from the folder's index file. */
    public static List<String> builtIn() {
        try (InputStream in = SyntheticIcbDefinition.class.getResourceAsStream(BUILT_IN + "INDEX")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SyntheticIcbDefinition read(InputStream in, String where) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SyntheticIcbDefinition d;
        try {
            d = mapper.readValue(in, SyntheticIcbDefinition.class);
        } catch (IOException e) {
            throw new IOException("synthetic ICB definition " + where + ": " + e.getMessage(), e);
        }
        d.check(where);
        return d;
    }

    /** The checks a YAML reader cannot make: sizes of arrays and references between sections. */
    private void check(String where) {
        List<String> faults = new ArrayList<>();
        if (places.isEmpty() || places.size() > 9) {
            faults.add("1 to 9 places are needed (synthetic LSOA codes carry the Place in one digit)");
        }
        for (Place p : places) {
            String at = "place " + p.code() + ": ";
            length(faults, at + "imd_deciles", p.imdDeciles(), 10);
            length(faults, at + "non_white_mix", p.nonWhiteMix(), 13);
            if (p.cypMhReferrals() != null) {
                length(faults, at + "cyp_mh_referrals.trend", p.cypMhReferrals().trend(), 7);
                length(
                        faults,
                        at + "cyp_mh_referrals.accepted",
                        p.cypMhReferrals().accepted(),
                        7);
            }
            for (String key : p.admittedTo().keySet()) {
                if (sites.stream().noneMatch(s -> s.key().equals(key))) {
                    faults.add(at + "admitted_to names " + key + ", which is not a site");
                }
            }
            if (p.acute() == null || p.community() == null || p.mortality() == null) {
                faults.add(at + "acute, community and mortality are required");
            }
        }
        if (rehabilitationUnit != null
                && sites.stream().noneMatch(s -> rehabilitationUnit.fromSite().equals(s.code()))) {
            faults.add("rehabilitation_unit.from_site " + rehabilitationUnit.fromSite() + " is not a site");
        }
        if (lsoaCodesFrom != null && (lsoaCodesFrom < 0 || lsoaCodesFrom > 90_000)) {
            faults.add("lsoa_codes_from must be 0 to 90,000, leaving room for the ICB's LSOAs below 100,000");
        }
        if (feeds != null && feedLabels != null) {
            faults.add("feeds (borrowing another ICB's tables) and feed_labels (owning them) exclude each other");
        }
        if (feeds != null) {
            if (feeds.source() == null || feeds.source().isBlank()) {
                faults.add("feeds.source must name the ICB whose published tables the feeds borrow (e.g. blmk)");
            }
            if (feeds.relabel() == null || feeds.relabel().isEmpty()) {
                faults.add("feeds.relabel must give this ICB's label for each of the source's labels");
            } else {
                feeds.relabel().forEach((label, replacement) -> {
                    if (replacement == null || replacement.isBlank()) {
                        faults.add("feeds.relabel gives " + label + " no label of this ICB's: give it one");
                    }
                });
            }
        }
        if (feeds == null && feedLabels == null) {
            faults.add("the aggregate feeds are another ICB's published tables: say whose and how to relabel them "
                    + "(feeds: {source: ..., relabel: {...}}), as the built-in northmoor definition does");
        }
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException(
                    "synthetic ICB definition " + where + ":\n  " + String.join("\n  ", faults));
        }
    }

    private static void length(List<String> faults, String what, double[] values, int n) {
        if (values == null || values.length != n) {
            faults.add(what + " needs " + n + " values");
        }
    }

    /** Share of admissions of a Place by site, in the order of {@link #sites()}. */
    public double[] admissionShares(Place p) {
        double[] shares = new double[sites.size()];
        for (Site s : sites) {
            shares[s.index()] = p.admittedTo().getOrDefault(s.key(), 0.0);
        }
        return shares;
    }

    /** Mean wait of a provider's service where the definition overrides the catalogue's, else {@code otherwise}. */
    public double communityWait(String provider, String dataset, String service, int age, double otherwise) {
        for (Wait w : communityWaits == null ? List.<Wait>of() : communityWaits) {
            if (w.provider().equals(provider) && w.when().matches(dataset, service, age)) {
                return w.days();
            }
        }
        return otherwise;
    }

    public Place place(String placeCode) {
        for (Place p : places) {
            if (p.code().equals(placeCode)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a Place of " + name + ": " + placeCode);
    }

    public Map<String, Place> placesByCode() {
        Map<String, Place> m = new java.util.LinkedHashMap<>();
        places.forEach(p -> m.put(p.code(), p));
        return m;
    }
}
