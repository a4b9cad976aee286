package org.openphm.analyses.icb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcbProfileTest {

    private static IcbProfile read(String yaml) throws IOException {
        return IcbProfile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void builtInProfileIsTheSyntheticIcbs() {
        IcbProfile p = IcbProfile.current();
        assertEquals(4, p.acscPlacePages().size());
        assertEquals(3, p.acuteSites().size());
        assertEquals(5, p.dashboardPages().size());
        // DP 7.7 prints three providers' adult community teams, DP 7.8 one provider's two mental health settings
        assertEquals(3, p.waitingListGroups("dp-7.7-community-waiting-lists").size());
        assertEquals(
                2, p.waitingListGroups("dp-7.8-mental-health-waiting-lists").size());
        assertTrue(p.note("workforce_ethnicity_census").isPresent());
        assertEquals(p.shortName() + " ICB", p.icbLabel());
    }

    @Test
    void aBuiltInProfileIsNamedAndEachConfiguredValueGetsItsOwn() {
        String before = IcbProfile.current().shortName();
        System.setProperty(IcbProfile.PROPERTY, "northmoor");
        try {
            IcbProfile northmoor = IcbProfile.current();
            assertEquals("Northmoor", northmoor.shortName());
            assertEquals(
                    List.of("E06000901", "E06000901", "E07000902", "E07000903"),
                    northmoor.acscPlacePages().stream()
                            .map(IcbProfile.AcscPlacePage::placeCode)
                            .toList());
            assertEquals(List.of(), northmoor.dashboardPages());
            assertTrue(IcbProfile.configuredFile().isEmpty(), "a built-in name is not a file");
        } finally {
            System.clearProperty(IcbProfile.PROPERTY);
        }
        assertEquals(before, IcbProfile.current().shortName(), "back to the default once the property is cleared");
    }

    @Test
    void aProfileThatIsNeitherAFileNorBuiltInSaysWhatToGive() {
        System.setProperty(IcbProfile.PROPERTY, "no-such-profile");
        try {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, IcbProfile::current);
            assertTrue(
                    e.getMessage().contains("no-such-profile") && e.getMessage().contains("built-in"), e.getMessage());
        } finally {
            System.clearProperty(IcbProfile.PROPERTY);
        }
    }

    @Test
    void anIcbsOwnNoteStandsAmongAnAnalysissCaveatsOnlyWhereItsProfileHasIt() throws IOException {
        IcbProfile withNote = read("short_name: Here\nnotes:\n  teams: Our podiatry team is subcontracted.\n");
        assertEquals(
                List.of("before", "Our podiatry team is subcontracted.", "after"),
                withNote.caveats(List.of("before"), "teams", List.of("after")));
        IcbProfile without = read("short_name: Elsewhere\n");
        assertEquals(List.of("before", "after"), without.caveats(List.of("before"), "teams", List.of("after")));
    }

    @Test
    void anotherIcbNeedsOnlyItsShortName() throws IOException {
        IcbProfile p = read("short_name: Elsewhere\n");
        assertEquals("Elsewhere ICB", p.icbLabel());
        assertTrue(p.acscPlacePages().isEmpty());
        assertTrue(p.acuteSites().isEmpty());
        assertTrue(p.dashboardPages().isEmpty());
        assertNull(p.camhsProvider());
        assertTrue(p.waitingListGroups("dp-7.7-community-waiting-lists").isEmpty());
        assertTrue(p.note("workforce_ethnicity_census").isEmpty());
    }

    @Test
    void anotherIcbsPagesAndSitesAreRead() throws IOException {
        IcbProfile p = read("""
                short_name: XY
                acsc_place_pages:
                  - {id: p1, section: DP 8.5, place_code: E08000025, place_name: Birmingham, cohort: Children}
                acute_sites:
                  RXX01: {name: General Hospital, short_name: GH}
                waiting_list_groups:
                  dp-7.8-mental-health-waiting-lists:
                    - {provider: RXT, setting: Adult mental health}
                    - {provider: RXT, setting: Children's mental health}
                """);
        assertEquals(
                List.of(
                        new IcbProfile.TeamGroup("RXT", "Adult mental health"),
                        new IcbProfile.TeamGroup("RXT", "Children's mental health")),
                p.waitingListGroups("dp-7.8-mental-health-waiting-lists"));
        assertEquals("E08000025", p.acscPlacePages().get(0).placeCode());
        assertEquals("GH", p.acuteSites().get("RXX01").shortName());
    }

    @Test
    void aMisspeltKeyIsAnError() {
        IOException e = assertThrows(IOException.class, () -> read("short_name: XY\nacsc_place_page: []\n"));
        assertTrue(e.getMessage().contains("acsc_place_page"), e.getMessage());
    }

    @Test
    void theShortNameIsRequired() {
        assertThrows(Exception.class, () -> read("acute_sites: {}\n"));
    }
}
