package org.openphm.synth.england;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.england.EnglandIcbs.Icb;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The definition of each ICB of a synthetic England, written as a file a user can read, change and generate from
 * alone ({@code phm generate --icb <code>.yaml}). England has no published definitions of its ICBs' Places, practices
 * and hospitals in our reference data, so each is one of the two built-in shapes, renamed and resized:
 * <ul>
 *   <li>an ICB of {@link #FOUR_PLACES_FROM} patients or more takes BLMK's shape (four Places, 94 practices, three
 *       acute sites on two trusts, an intermediate-care unit), a smaller one Northmoor's (three Places, 35
 *       practices, three sites on two trusts);
 *   <li>every code and name of the shape is replaced by one of the ICB's own, numbered by its position in England
 *       (n, 01 to 42), so no code repeats across England and none is a real organisation's or area's: Places
 *       E0699nnpp, practices Znnsss, PCNs UZnnkk, neighbourhoods CODE-Nkk, trusts Znn and a letter with sites
 *       numbered after them, LSOAs E019 and five digits counted from 2,000 × (n - 1);
 *   <li>the trusts out of area are the first trusts of England's neighbouring ICBs in that order (n + 1, n - 1,
 *       n + 2), so their spells are another ICB's hospital's;
 *   <li>its activity targets (admissions, delay days) are the shape's, scaled to the ICB's size; rates and shares are
 *       the shape's;
 *   <li>its aggregate feeds are BLMK's published tables with every BLMK label replaced by the ICB's (its code, Places
 *       and trusts, and otherwise "CODE Fk" for the local names the tables carry).
 * </ul>
 */
public final class EnglandDefinitions {
    /** The size from which an ICB takes the four-Place shape. */
    public static final long FOUR_PLACES_FROM = 1_200_000;

    /** LSOA numbers per ICB: each shape has about 700 LSOAs (Geography.LSOA_COUNT) and rounding adds a few. */
    static final int LSOA_NUMBERS_PER_ICB = 2_000;

    private static final int ICBS_IN_ENGLAND = 42;

    private EnglandDefinitions() {}

    /** The built-in shape an ICB takes, by its size in the whole of England (the same in a scaled England). */
    public static String shapeOf(Icb icb) {
        return icb.fullSize() >= FOUR_PLACES_FROM ? "blmk" : "northmoor";
    }

    /**
     * Writes the ICB's definition ({@code <code>.yaml}) and its practice geography ({@code <code>_practices.csv})
     * into {@code folder}.
     *
     * @return the definition file
     */
    public static Path write(Icb icb, Path folder) throws IOException {
        String shapeName = shapeOf(icb);
        SyntheticIcbDefinition shape = SyntheticIcbDefinition.load(shapeName);
        Map<String, String> labels = labels(icb, shape);
        Files.createDirectories(folder);
        Path practices = folder.resolve(icb.code() + "_practices.csv");
        writePractices(icb, shape, labels, practices);

        ObjectNode tree = mapper().valueToTree(shape);
        tree.remove("feed_labels");
        tree.remove("feeds");
        for (JsonNode n : tree.path("places")) {
            ((ObjectNode) n).remove("index");
        }
        for (JsonNode n : tree.path("sites")) {
            ((ObjectNode) n).remove("index");
        }
        relabel(tree, labels);
        double scale = (double) icb.registeredPatients() / shape.registeredPatients();
        scaleCounts(tree, scale);
        tree.put("code", icb.code());
        tree.put("name", name(icb));
        tree.put("registered_patients", icb.registeredPatients());
        ObjectNode files = tree.putObject("practices");
        files.put("geography", practices.getFileName().toString());
        tree.put("lsoa_codes_from", LSOA_NUMBERS_PER_ICB * (icb.number() - 1));
        ObjectNode feeds = tree.putObject("feeds");
        feeds.put("source", SyntheticIcbDefinition.DEFAULT);
        ObjectNode relabel = feeds.putObject("relabel");
        feedRelabelling(shapeName, shape, labels).forEach(relabel::put);

        writeProfile(icb, (ArrayNode) tree.path("sites"), folder.resolve(icb.code() + PROFILE));
        Path file = folder.resolve(icb.code() + ".yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(icb, shapeName, scale));
            yaml().writeValue(out, tree);
        }
        return file;
    }

    /** What the profile file of an ICB is called after its code. */
    public static final String PROFILE = ".profile.yaml";

    /**
     * The ICB's profile for the build (analyses' IcbProfile: OPENPHM_ICB_PROFILE=<file>): its short name, its code,
     * and its local acute sites by code, as the pages print them; no Place pages of its own and no notes.
     */
    private static void writeProfile(Icb icb, ArrayNode sites, Path file) throws IOException {
        ObjectNode profile = mapper().createObjectNode();
        profile.put("short_name", icb.code());
        ObjectNode acute = profile.putObject("acute_sites");
        for (JsonNode site : sites) {
            if (site.hasNonNull("code")) {
                String code = site.get("code").asText();
                acute.putObject(code).put("name", "Hospital " + code).put("short_name", code);
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# The build's profile of " + name(icb) + ", written by `phm generate --england`: use it with\n"
                    + "# OPENPHM_ICB_PROFILE=" + file.getFileName() + " ./phm build ...\n");
            yaml().writeValue(out, profile);
        }
    }

    static String name(Icb icb) {
        return "Synthetic ICB " + icb.code() + " (" + icb.regionName() + ")";
    }

    /** Every label of the shape's own (codes, names, trusts, sites, local names) and the ICB's label for it. */
    static Map<String, String> labels(Icb icb, SyntheticIcbDefinition shape) {
        Map<String, String> labels = new LinkedHashMap<>();
        String n = String.format("%02d", icb.number());
        labels.put(shape.code(), icb.code());
        for (Place p : shape.places()) {
            labels.put(p.code(), String.format("E0699%s%02d", n, p.index() + 1));
            labels.put(p.name(), icb.code() + " Place " + (char) ('A' + p.index()));
        }
        // The ICB's own trusts, local sites' first, then the community and mental-health providers, lettered in turn.
        Set<String> own = new LinkedHashSet<>();
        shape.sites().stream().filter(Site::local).forEach(s -> own.add(s.provider()));
        for (Place p : shape.places()) {
            own.add(p.community().provider());
            if (p.community().rules() != null) {
                p.community().rules().forEach(r -> own.add(r.provider()));
            }
        }
        if (shape.communityWaits() != null) {
            shape.communityWaits().forEach(w -> own.add(w.provider()));
        }
        if (shape.rehabilitationUnit() != null) {
            own.add(shape.rehabilitationUnit().provider());
        }
        char letter = 'A';
        for (String provider : own) {
            labels.put(provider, trust(icb.number(), letter++));
        }
        Map<String, Integer> sitesOf = new LinkedHashMap<>();
        int away = 0;
        int[] neighbours = {1, -1, 2, -2, 3, -3};
        for (Site s : shape.sites()) {
            if (s.local()) {
                int k = sitesOf.merge(s.provider(), 1, Integer::sum);
                labels.put(s.code(), labels.get(s.provider()) + String.format("%02d", k));
            } else {
                int neighbour = Math.floorMod(icb.number() - 1 + neighbours[away++], ICBS_IN_ENGLAND) + 1;
                labels.put(s.provider(), trust(neighbour, 'A'));
            }
        }
        if (shape.rehabilitationUnit() != null) {
            labels.put(
                    shape.rehabilitationUnit().site(),
                    labels.get(shape.rehabilitationUnit().provider()) + "90");
        }
        // The local names the shape's feeds carry (BLMK's own, or what Northmoor renamed them to).
        Set<String> rest = new LinkedHashSet<>(shape.ownLabels());
        if (shape.feeds() != null) {
            rest.addAll(shape.feeds().relabel().values());
        }
        int k = 0;
        for (String label : rest) {
            if (!labels.containsKey(label)) {
                labels.put(label, icb.code() + " F" + (++k));
            }
        }
        return labels;
    }

    private static String trust(int icbNumber, char letter) {
        return String.format("Z%02d%c", icbNumber, letter);
    }

    /** BLMK's labels in its published tables and what this ICB calls each, through the shape's own relabelling. */
    private static Map<String, String> feedRelabelling(
            String shapeName, SyntheticIcbDefinition shape, Map<String, String> labels) {
        Map<String, String> relabel = new LinkedHashMap<>();
        if (shape.feeds() == null) {
            // the shape owns the tables (BLMK)
            if (!shapeName.equals(SyntheticIcbDefinition.DEFAULT)) {
                throw new IllegalStateException(shapeName + " owns its feeds, but England's feeds are "
                        + SyntheticIcbDefinition.DEFAULT + "'s");
            }
            shape.ownLabels().forEach(l -> relabel.put(l, labels.get(l)));
        } else {
            shape.feeds().relabel().forEach((source, own) -> relabel.put(source, labels.get(own)));
        }
        return relabel;
    }

    /** Replaces every label in the tree's text values, and in the site keys of admitted_to. */
    private static void relabel(JsonNode node, Map<String, String> labels) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual() && labels.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(labels.get(value.asText())));
                } else {
                    relabel(value, labels);
                }
                if (name.equals("admitted_to")) {
                    ObjectNode renamed = object.objectNode();
                    Iterator<Map.Entry<String, JsonNode>> shares = value.fields();
                    while (shares.hasNext()) {
                        Map.Entry<String, JsonNode> share = shares.next();
                        renamed.set(labels.getOrDefault(share.getKey(), share.getKey()), share.getValue());
                    }
                    object.set(name, renamed);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && labels.containsKey(value.asText())) {
                    array.set(i, TextNode.valueOf(labels.get(value.asText())));
                } else {
                    relabel(value, labels);
                }
            }
        }
    }

    /** The shape's counts are of its own size: admissions and delay days scale with the ICB's. */
    private static void scaleCounts(ObjectNode tree, double scale) {
        scale(tree.path("child_acsc"), "unlisted_admissions", scale);
        for (JsonNode place : tree.path("places")) {
            scale(place.path("acute").path("adult_acsc"), "admissions", scale);
            scale(place.path("acute").path("child_acsc"), "admissions", scale);
        }
        for (JsonNode site : tree.path("sites")) {
            if (site.path("delay_days") instanceof ArrayNode days) {
                for (int i = 0; i < days.size(); i++) {
                    days.set(i, days.numberNode(Math.round(days.get(i).asDouble() * scale)));
                }
            }
        }
    }

    private static void scale(JsonNode node, String field, double scale) {
        if (node instanceof ObjectNode object && object.has(field)) {
            object.put(field, Math.round(object.get(field).asDouble() * scale));
        }
    }

    /** The shape's practices renumbered: practices, PCNs and neighbourhoods in the order the shape lists them. */
    private static void writePractices(Icb icb, SyntheticIcbDefinition shape, Map<String, String> labels, Path file)
            throws IOException {
        Map<String, String> pcns = new LinkedHashMap<>();
        Map<String, String> neighbourhoods = new LinkedHashMap<>();
        String n = String.format("%02d", icb.number());
        int practice = 0;
        try (CSVPrinter out = CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator('\n')
                .get()
                .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.printRecord(
                    "practice_code",
                    "practice_name",
                    "pcn_code",
                    "pcn_name",
                    "neighbourhood_code",
                    "neighbourhood_name",
                    "place_code");
            for (ReferenceCsv.Row r : ReferenceCsv.read(
                    EnglandDefinitions.class, shape.practices().geography())) {
                String code = String.format("Z%s%03d", n, ++practice);
                String pcn =
                        pcns.computeIfAbsent(r.get("pcn_code"), c -> String.format("UZ%s%02d", n, pcns.size() + 1));
                String hood = neighbourhoods.computeIfAbsent(
                        r.get("neighbourhood_code"),
                        c -> String.format("%s-N%02d", icb.code(), neighbourhoods.size() + 1));
                String place = labels.get(r.get("place_code"));
                if (place == null) {
                    throw new IllegalStateException(
                            shape.practices().geography() + ": " + r.get("place_code") + " is not a Place");
                }
                out.printRecord(
                        code,
                        "SYNTHETIC PRACTICE " + code,
                        pcn,
                        "SYNTHETIC PCN " + pcn,
                        hood,
                        icb.code() + " neighbourhood " + hood.substring(hood.length() - 2),
                        place);
            }
        }
    }

    private static String header(Icb icb, String shapeName, double scale) {
        return String.format(
                "# Synthetic ICB definition written by `phm generate --england`: ICB %d of England's 42, %s, region %s"
                        + " (%s).%n"
                        + "# FICTIONAL in all but its code, region and size. Size in England: %,d registered patients,"
                        + " its published GP registered%n"
                        + "# population aged 16+ (NHS England, February 2024) times England's ratio of all ages to 16+;"
                        + " generated here with %,d.%n"
                        + "# Everything else is the built-in '%s' shape, renamed (no code is a real organisation's or"
                        + " area's) and its counts%n"
                        + "# scaled by %.4f (synth's EnglandDefinitions says how). Generate it alone:"
                        + " phm generate --icb %s.yaml --out DIR%n",
                icb.number(),
                icb.code(),
                icb.regionCode(),
                icb.regionName(),
                icb.fullSize(),
                icb.registeredPatients(),
                shapeName,
                scale,
                icb.code());
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
}
