package org.openphm.synth.activity;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.CanonicalSchema;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.TableSinks;

/** The activity of hand-built people: dates in order, nothing after death or outside registration, the sick use more. */
class ActivityGeneratorTest {

    static SyntheticPerson person(
            long index,
            String sex,
            YearMonth birth,
            double health,
            Map<String, LocalDate> conditions,
            LocalDate death,
            LocalDate from,
            LocalDate to) {
        return new SyntheticPerson(
                index,
                "P" + index,
                sex,
                birth,
                "A",
                "E01017539",
                3,
                "E06000042",
                "K82001",
                health,
                conditions,
                death,
                from,
                to);
    }

    static final LocalDate LONG_AGO = LocalDate.of(2010, 1, 1);

    /** People whose registration or life ends, or starts, inside the window. */
    static List<SyntheticPerson> edgeCases() {
        List<SyntheticPerson> people = new ArrayList<>();
        Map<String, LocalDate> hf = Map.of(
                "HF",
                LocalDate.of(2015, 3, 1),
                "HYP",
                LocalDate.of(2008, 1, 1),
                "SMI",
                LocalDate.of(2000, 1, 1),
                "COPD",
                LocalDate.of(2016, 1, 1));
        people.add(person(
                0,
                "F",
                YearMonth.of(1938, 5),
                4.0,
                hf,
                LocalDate.of(2022, 6, 15),
                LONG_AGO,
                LocalDate.of(2022, 6, 15)));
        people.add(person(1, "M", YearMonth.of(1960, 1), 3.0, hf, null, LONG_AGO, LocalDate.of(2021, 1, 31)));
        people.add(person(2, "M", YearMonth.of(1990, 7), 3.0, hf, null, LocalDate.of(2023, 5, 10), null));
        people.add(person(3, "F", YearMonth.of(2024, 2), 2.0, Map.of(), null, LocalDate.of(2024, 2, 20), null));
        people.add(person(
                4, "M", YearMonth.of(1945, 9), 5.0, hf, LocalDate.of(2026, 1, 5), LONG_AGO, LocalDate.of(2026, 1, 5)));
        return people;
    }

    static Map<String, List<Map<String, String>>> read(Path dir, String table) throws Exception {
        Map<String, List<Map<String, String>>> byPerson = new HashMap<>();
        Path file = dir.resolve(table + ".csv");
        if (!Files.exists(file)) {
            return byPerson;
        }
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            byPerson.computeIfAbsent(row.get("person_id"), k -> new ArrayList<>())
                    .add(row);
        }
        return byPerson;
    }

    static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    @Test
    void datesAreOrderedAndNothingHappensAfterDeathOrOutsideRegistration(@TempDir Path dir) throws Exception {
        List<SyntheticPerson> people = edgeCases();
        try (TableSinks sinks = new TableSinks(dir)) {
            ActivityGenerator g = new ActivityGenerator();
            for (int run = 0; run < 200; run++) {
                for (SyntheticPerson p : people) {
                    // same people, many independent draws: index shifts the key so runs do not collide
                    SyntheticPerson copy = new SyntheticPerson(
                            p.index() + 10L * run,
                            "P" + (p.index() + 10L * run),
                            p.sex(),
                            p.birthMonth(),
                            p.ethnicity(),
                            p.lsoa(),
                            p.imdDecile(),
                            p.placeCode(),
                            p.practiceCode(),
                            p.health(),
                            p.conditions(),
                            p.deathDate(),
                            p.registeredFrom(),
                            p.registeredTo());
                    g.emit(copy, new SplittableRandom(run * 31L + p.index()), sinks);
                }
            }
        }
        Map<String, List<Map<String, String>>> referrals = read(dir, "referral");
        Map<String, List<Map<String, String>>> spells = read(dir, "spell");
        Map<String, List<Map<String, String>>> detentions = read(dir, "detention");
        Map<String, List<Map<String, String>>> waits = read(dir, "waiting_entry");
        int checkedSpells = 0, checkedReferrals = 0, deathsInHospital = 0;
        for (int run = 0; run < 200; run++) {
            for (SyntheticPerson p : people) {
                String key = "P" + (p.index() + 10L * run);
                LocalDate from = p.registeredFrom();
                LocalDate lastAlive = Exposure.lastDay(p);
                LocalDate end = p.deathDate() != null
                        ? p.deathDate()
                        : p.registeredTo() != null ? p.registeredTo() : ActivitySpan.DATA_END;
                for (Map<String, String> r : referrals.getOrDefault(key, List.of())) {
                    LocalDate referred = date(r.get("referral_date"));
                    LocalDate contact = date(r.get("first_contact_date"));
                    LocalDate discharged = date(r.get("discharge_date"));
                    assertFalse(referred.isBefore(from) || referred.isAfter(lastAlive), key + " referral " + r);
                    assertTrue(
                            contact == null || !contact.isBefore(referred) && !contact.isAfter(lastAlive),
                            r.toString());
                    assertTrue(
                            discharged == null
                                    || !discharged.isBefore(contact == null ? referred : contact)
                                            && !discharged.isAfter(lastAlive),
                            r.toString());
                    checkedReferrals++;
                }
                for (Map<String, String> s : spells.getOrDefault(key, List.of())) {
                    LocalDate admitted = date(s.get("admission_date"));
                    LocalDate discharged = date(s.get("discharge_date"));
                    LocalDate ready = date(s.get("discharge_ready_date"));
                    assertFalse(admitted.isBefore(from) || admitted.isAfter(lastAlive), key + " spell " + s);
                    assertTrue(
                            discharged == null || !discharged.isBefore(admitted) && !discharged.isAfter(end),
                            s.toString());
                    assertTrue(
                            ready == null
                                    || discharged != null && !ready.isAfter(discharged) && !ready.isBefore(admitted),
                            s.toString());
                    if ("79".equals(s.get("discharge_destination"))) {
                        assertEquals(
                                p.deathDate(), discharged, "a death in hospital is discharged on the day of death");
                        deathsInHospital++;
                    }
                    checkedSpells++;
                }
                for (Map<String, String> d : detentions.getOrDefault(key, List.of())) {
                    LocalDate start = date(d.get("start_date"));
                    LocalDate stop = date(d.get("end_date"));
                    assertFalse(start.isBefore(from) || start.isAfter(lastAlive), d.toString());
                    assertTrue(stop == null || !stop.isBefore(start) && !stop.isAfter(lastAlive), d.toString());
                }
                for (Map<String, String> w : waits.getOrDefault(key, List.of())) {
                    LocalDate snapshot = date(w.get("snapshot_date"));
                    assertFalse(
                            snapshot.isBefore(date(w.get("wait_start_date"))) || snapshot.isAfter(lastAlive),
                            w.toString());
                }
            }
        }
        assertTrue(
                checkedSpells > 500 && checkedReferrals > 500,
                checkedSpells + " spells, " + checkedReferrals + " referrals");
        assertTrue(deathsInHospital > 0, "some of the dying die in hospital");
    }

    @Test
    void aSickPersonWithHeartFailureHasMoreEmergencyAdmissionsThanAHealthyPeer(@TempDir Path dir) throws Exception {
        SyntheticPerson sick = person(
                0,
                "F",
                YearMonth.of(1945, 3),
                3.0,
                Map.of("HF", LocalDate.of(2012, 1, 1), "HYP", LocalDate.of(2005, 1, 1)),
                null,
                LONG_AGO,
                null);
        SyntheticPerson well = person(1, "F", YearMonth.of(1945, 3), 0.5, Map.of(), null, LONG_AGO, null);
        try (TableSinks sinks = new TableSinks(dir)) {
            ActivityGenerator g = new ActivityGenerator();
            for (int run = 0; run < 300; run++) {
                g.emit(sick, new SplittableRandom(run), sinks);
                g.emit(well, new SplittableRandom(run + 100_000), sinks);
            }
        }
        Map<String, List<Map<String, String>>> spells = read(dir, "spell");
        long sickEmergencies = spells.get("P0").stream()
                .filter(s -> s.get("admission_method").equals("emergency"))
                .count();
        long wellEmergencies = spells.get("P1").stream()
                .filter(s -> s.get("admission_method").equals("emergency"))
                .count();
        long sickHf = spells.get("P0").stream()
                .filter(s -> s.get("primary_diagnosis").startsWith("I50"))
                .count();
        long wellHf = spells.get("P1").stream()
                .filter(s -> s.get("primary_diagnosis").startsWith("I50"))
                .count();
        assertTrue(sickEmergencies > 3 * wellEmergencies, sickEmergencies + " vs " + wellEmergencies);
        assertTrue(sickHf > 5 * Math.max(wellHf, 1), "heart failure admissions: " + sickHf + " vs " + wellHf);
    }

    @Test
    void theSameSeedGivesTheSameRows(@TempDir Path dir) throws Exception {
        for (String run : new String[] {"a", "b"}) {
            try (TableSinks sinks = new TableSinks(dir.resolve(run))) {
                ActivityGenerator g = new ActivityGenerator();
                for (SyntheticPerson p : edgeCases()) {
                    g.emit(p, new SplittableRandom(99 + p.index()), sinks);
                }
            }
        }
        for (String table : new String[] {"referral", "spell", "detention", "waiting_entry"}) {
            Path a = dir.resolve("a").resolve(table + ".csv"),
                    b = dir.resolve("b").resolve(table + ".csv");
            assertEquals(Files.exists(a), Files.exists(b), table);
            if (Files.exists(a)) {
                assertEquals(Files.readAllLines(a), Files.readAllLines(b), table);
            }
        }
    }

    @Test
    void rawNhsNumbersReplacePersonIdInTheSamePosition(@TempDir Path dir) throws Exception {
        SyntheticPerson p = new SyntheticPerson(
                0,
                "9434765919",
                "F",
                YearMonth.of(1940, 1),
                "A",
                "E01017539",
                2,
                "E06000032",
                "E81001",
                3.0,
                Map.of("HF", LocalDate.of(2010, 1, 1), "SMI", LocalDate.of(2001, 1, 1)),
                null,
                LONG_AGO,
                null);
        try (TableSinks sinks = new TableSinks(dir, true)) {
            ActivityGenerator g = new ActivityGenerator();
            for (int run = 0; run < 20; run++) {
                g.emit(p, new SplittableRandom(run), sinks);
            }
        }
        for (var table : List.of(
                CanonicalSchema.REFERRAL,
                CanonicalSchema.SPELL,
                CanonicalSchema.DETENTION,
                CanonicalSchema.WAITING_ENTRY)) {
            Path file = dir.resolve(table.name() + ".csv");
            if (Files.exists(file)) {
                List<String> expected = new ArrayList<>(table.columnNames());
                expected.set(expected.indexOf(CanonicalSchema.PERSON_ID), CanonicalSchema.NHS_NUMBER);
                List<String> lines = Files.readAllLines(file);
                assertEquals(String.join(",", expected), lines.get(0));
                int column = expected.indexOf(CanonicalSchema.NHS_NUMBER);
                assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1)[column].equals("9434765919")));
            }
        }
        assertTrue(Files.exists(dir.resolve("spell.csv")) && Files.exists(dir.resolve("referral.csv")));
    }
}
