package org.openphm.synth.england;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.ReferenceCsv;
import org.openphm.synth.england.EnglandIcbs.Icb;
import org.openphm.synth.icb.Place;
import org.openphm.synth.icb.Site;
import org.openphm.synth.icb.SyntheticIcbDefinition;
import org.openphm.synth.population.Geography;

/** Every ICB of England's definition, written, read back and checked against the shapes it was made from. */
class EnglandDefinitionsTest {

    @TempDir
    static Path folder;

    static final Map<String, SyntheticIcbDefinition> DEFINITIONS = new HashMap<>();
    static final Map<String, Geography> GEOGRAPHIES = new HashMap<>();
    static final List<Icb> ENGLAND = EnglandIcbs.all();

    @BeforeAll
    static void writeEngland() throws IOException {
        for (Icb icb : ENGLAND) {
            Path file = EnglandDefinitions.write(icb, folder);
            SyntheticIcbDefinition d = SyntheticIcbDefinition.load(file.toString());
            DEFINITIONS.put(icb.code(), d);
            GEOGRAPHIES.put(icb.code(), Geography.of(d));
        }
    }

    @Test
    void eachIsAWholeDefinitionOfItsIcb() {
        for (Icb icb : ENGLAND) {
            SyntheticIcbDefinition d = DEFINITIONS.get(icb.code());
            assertEquals(icb.code(), d.code());
            assertEquals(icb.registeredPatients(), d.registeredPatients());
            SyntheticIcbDefinition shape = SyntheticIcbDefinition.load(EnglandDefinitions.shapeOf(icb));
            assertEquals(shape.places().size(), d.places().size(), icb.code());
            assertEquals(shape.sites().size(), d.sites().size(), icb.code());
            assertEquals(
                    practicesOf(shape), GEOGRAPHIES.get(icb.code()).practices().size(), icb.code());
        }
        // BLMK's shape from 1.2 million: 20 of England's 42 are that large
        long fourPlaces = ENGLAND.stream()
                .filter(i -> DEFINITIONS.get(i.code()).places().size() == 4)
                .count();
        assertEquals(
                ENGLAND.stream()
                        .filter(i -> i.fullSize() >= EnglandDefinitions.FOUR_PLACES_FROM)
                        .count(),
                fourPlaces);
        assertTrue(fourPlaces > 0 && fourPlaces < 42);
    }

    @Test
    void noCodeRepeatsAcrossEngland() {
        Set<String> practices = new HashSet<>();
        Set<String> pcns = new HashSet<>();
        Set<String> neighbourhoods = new HashSet<>();
        Set<String> lsoas = new HashSet<>();
        Set<String> places = new HashSet<>();
        Set<String> sites = new HashSet<>();
        Set<String> trusts = new HashSet<>();
        Set<String> owners = new HashSet<>();
        Pattern lsoa = Pattern.compile("E019[0-9]{5}");
        for (Icb icb : ENGLAND) {
            Geography g = GEOGRAPHIES.get(icb.code());
            Set<String> ownPcns = new HashSet<>();
            Set<String> ownHoods = new HashSet<>();
            for (Geography.Practice p : g.practices()) {
                assertTrue(practices.add(p.code()), p.code());
                assertTrue(p.code().matches("Z[0-9]{5}"), p.code());
                ownPcns.add(p.pcnCode());
                ownHoods.add(p.neighbourhoodCode());
            }
            for (String pcn : ownPcns) {
                assertTrue(pcns.add(pcn), pcn);
            }
            for (String hood : ownHoods) {
                assertTrue(neighbourhoods.add(hood), hood);
            }
            for (Geography.Lsoa l : g.lsoas()) {
                assertTrue(lsoa.matcher(l.code()).matches(), l.code());
                assertTrue(lsoas.add(l.code()), l.code());
            }
            SyntheticIcbDefinition d = DEFINITIONS.get(icb.code());
            for (Place p : d.places()) {
                assertTrue(places.add(p.code()), p.code());
                assertTrue(places.add(p.name()), p.name());
            }
            for (Site s : d.sites()) {
                if (s.local()) {
                    assertTrue(sites.add(s.code()), s.code());
                    trusts.add(s.provider());
                    assertTrue(s.provider().startsWith(String.format("Z%02d", icb.number())), s.provider());
                }
            }
            owners.add(String.format("Z%02dA", icb.number()));
        }
        assertEquals(42 * 700, lsoas.size(), 42 * 60.0, "about 700 LSOAs an ICB");
        // trusts out of area are England's other ICBs' first trusts
        for (Icb icb : ENGLAND) {
            for (Site s : DEFINITIONS.get(icb.code()).sites()) {
                if (!s.local()) {
                    assertTrue(owners.contains(s.provider()), s.provider());
                    assertFalse(s.provider().startsWith(String.format("Z%02d", icb.number())), s.provider());
                    assertTrue(trusts.contains(s.provider()), s.provider() + " runs a local site of its own ICB");
                }
            }
        }
    }

    @Test
    void noLabelOfEitherShapeRemainsOutsideTheFeedsSourceLabels() throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        for (String shape : List.of("blmk", "northmoor")) {
            SyntheticIcbDefinition d = SyntheticIcbDefinition.load(shape);
            labels.addAll(d.ownLabels());
            if (d.feeds() != null) {
                labels.addAll(d.feeds().relabel().values());
            }
            for (ReferenceCsv.Row r :
                    ReferenceCsv.read(getClass(), d.practices().geography())) {
                labels.add(r.get("practice_code"));
                labels.add(r.get("pcn_code"));
                labels.add(r.get("neighbourhood_code"));
            }
        }
        for (Icb icb : ENGLAND) {
            String yaml = Files.readString(folder.resolve(icb.code() + ".yaml"));
            // the feeds' relabelling names BLMK's labels on purpose (what each is replaced by); it is last
            String own = yaml.substring(0, yaml.indexOf("\nfeeds:"));
            own = own.substring(own.indexOf("\ncode:")); // the header comment names the shape
            String practices = Files.readString(folder.resolve(icb.code() + "_practices.csv"));
            for (String label : labels) {
                if (label.equals(icb.code())) {
                    continue; // QHG is England's BLMK code as well as the BLMK shape's
                }
                Matcher m = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(label) + "(?![A-Za-z0-9])")
                        .matcher(own + "\n" + practices);
                assertFalse(m.find(), icb.code() + "'s definition still names the shape's " + label);
            }
            // every BLMK label Northmoor's feeds had to replace is replaced, each by a label of the ICB's own
            Map<String, String> relabel = DEFINITIONS.get(icb.code()).feeds().relabel();
            assertTrue(
                    relabel.keySet()
                            .containsAll(SyntheticIcbDefinition.load("northmoor")
                                    .feeds()
                                    .relabel()
                                    .keySet()),
                    icb.code());
            assertEquals(relabel.size(), new HashSet<>(relabel.values()).size(), "labels stay distinct");
            assertFalse(relabel.containsValue(null), icb.code());
        }
    }

    @Test
    void countsScaleWithTheIcbAndRatesDoNot() {
        Icb largest = ENGLAND.stream()
                .max(java.util.Comparator.comparingLong(Icb::registeredPatients))
                .orElseThrow();
        SyntheticIcbDefinition shape = SyntheticIcbDefinition.load(EnglandDefinitions.shapeOf(largest));
        SyntheticIcbDefinition d = DEFINITIONS.get(largest.code());
        double scale = (double) largest.registeredPatients() / shape.registeredPatients();
        for (int i = 0; i < d.places().size(); i++) {
            Place from = shape.places().get(i);
            Place to = d.places().get(i);
            assertEquals(
                    Math.round(from.acute().adultAcsc().admissions() * scale),
                    to.acute().adultAcsc().admissions(),
                    0.0);
            assertEquals(
                    from.acute().adultAcsc().share(), to.acute().adultAcsc().share(), 0.0);
            assertEquals(from.acute().cypMhPer100k(), to.acute().cypMhPer100k(), 0.0);
            assertEquals(from.listSize(), to.listSize(), 0.0, "list sizes are shares only");
        }
        assertEquals(
                Math.round(shape.childAcsc().unlistedAdmissions() * scale),
                d.childAcsc().unlistedAdmissions(),
                0.0);
        assertEquals(shape.childAcsc().emergencyRate(), d.childAcsc().emergencyRate(), 0.0);
    }

    /** Practices of a built-in shape, counted from its geography table. */
    private static int practicesOf(SyntheticIcbDefinition shape) {
        return ReferenceCsv.read(EnglandDefinitionsTest.class, shape.practices().geography())
                .size();
    }
}
