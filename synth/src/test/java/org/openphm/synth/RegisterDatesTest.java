package org.openphm.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RegisterDates answers as the map it replaced did, in the same order, and "on the register on a date" inclusive. */
class RegisterDatesTest {
    private static final LocalDate DM = LocalDate.of(2019, 6, 1);
    private static final LocalDate HYP = LocalDate.of(2024, 3, 31);

    private static Map<String, LocalDate> drawn() {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        m.put("HYP", HYP);
        m.put("DM", DM);
        return m;
    }

    @Test
    void theSameEntriesInTheOrderDrawnAndEqualToTheMapItCameFrom() {
        RegisterDates r = RegisterDates.of(drawn());
        assertEquals(List.of("HYP", "DM"), List.copyOf(r.keySet()));
        assertEquals(drawn(), r);
        assertEquals(drawn().hashCode(), r.hashCode());
        assertEquals(DM, r.get(new String("DM")), "an id equal but not the same String is found");
        assertNull(r.get("CHD"));
        assertTrue(r.containsKey("HYP"));
        assertFalse(r.containsKey("CHD"));
        assertSame(r, RegisterDates.of(r));
        assertTrue(RegisterDates.of(Map.of()).isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> r.put("CHD", DM));
    }

    @Test
    void onTheRegisterFromTheDayOfDiagnosisOn() {
        RegisterDates r = RegisterDates.of(drawn());
        assertFalse(r.onOn("HYP", HYP.minusDays(1)));
        assertTrue(r.onOn("HYP", HYP));
        assertTrue(r.onOn("DM", HYP));
        assertFalse(r.onOn("CHD", HYP));
        Map<String, LocalDate> undated = new LinkedHashMap<>();
        undated.put("AF", null);
        assertFalse(RegisterDates.of(undated).onOn("AF", LocalDate.MAX), "no date: never on it by a date");
    }
}
