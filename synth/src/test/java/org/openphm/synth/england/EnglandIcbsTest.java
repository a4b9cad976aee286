package org.openphm.synth.england;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openphm.synth.england.EnglandIcbs.Icb;

class EnglandIcbsTest {

    /**
     * Expected values worked by hand from the published tables, not by this code: NHS England's virtual ward
     * statistics for February 2024 give 42 ICBs whose GP-registered populations aged 16+ sum to 51,396,905 (BLMK,
     * QHG, 879,500; QJK 1,082,047; the largest, QHM, 2,648,569; the smallest, QOC, 435,552); QOF 2019/20 list
     * sizes give England 60,442,552 of all ages and 49,471,804 aged 16+.
     * Each ICB is its 16+ figure times 60,442,552 / 49,471,804, rounded.
     */
    @Test
    void englandIsFortyTwoIcbsInSevenRegionsSizedFromPublishedFigures() {
        List<Icb> all = EnglandIcbs.all();
        assertEquals(42, all.size());
        Map<String, Long> byCode = all.stream().collect(Collectors.toMap(Icb::code, Icb::registeredPatients));
        assertEquals(1_074_536, byCode.get("QHG"));
        assertEquals(1_321_999, byCode.get("QJK"));
        assertEquals(3_235_909, byCode.get("QHM"));
        assertEquals(532_139, byCode.get("QOC"));
        long total = all.stream().mapToLong(Icb::registeredPatients).sum();
        // 51,396,905 x 60,442,552 / 49,471,804 = 62,794,558.8; each ICB rounded on its own
        assertTrue(Math.abs(total - 62_794_559) <= 21, "England's total " + total);
        assertEquals(7, all.stream().map(Icb::regionCode).distinct().count());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).number());
            assertEquals(all.get(i).registeredPatients(), all.get(i).fullSize());
        }
    }

    @Test
    void aScaledEnglandKeepsItsShares() {
        List<Icb> full = EnglandIcbs.all();
        List<Icb> small = EnglandIcbs.scaledTo(630_000);
        long total = small.stream().mapToLong(Icb::registeredPatients).sum();
        // QOC's 532,139 of 62.79 million is 5,339 of 630,000: no ICB is held at the 1,000 floor
        assertTrue(Math.abs(total - 630_000) <= 21, "scaled total " + total);
        for (int i = 0; i < full.size(); i++) {
            Icb f = full.get(i);
            Icb s = small.get(i);
            assertEquals(f.code(), s.code());
            assertEquals(f.fullSize(), s.fullSize(), "the full size is kept: it decides the shape");
            assertEquals(f.registeredPatients() * 630_000.0 / 62_794_559, s.registeredPatients(), 1.0);
        }
        assertTrue(EnglandIcbs.scaledTo(10_000).stream().allMatch(i -> i.registeredPatients() >= EnglandIcbs.SMALLEST));
    }
}
