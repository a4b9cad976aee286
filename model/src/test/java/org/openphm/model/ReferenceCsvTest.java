package org.openphm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The one reader of reference tables: comments, quoting and empty values read right; every fault is placed. */
class ReferenceCsvTest {

    private static List<ReferenceCsv.Row> rows(String text) throws Exception {
        return ReferenceCsv.rows(new StringReader(text), "costs.csv");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndQuotedCommasKept() throws Exception {
        List<ReferenceCsv.Row> rows = rows("# a note\nid,value,note\n\na,1.5,\"x, y\"\n# another\nb,2,\n");
        assertEquals(2, rows.size());
        assertEquals("x, y", rows.get(0).get("note"));
        assertEquals(1.5, rows.get(0).number("value"));
        assertEquals("", rows.get(1).optional("note"));
        assertEquals(4, rows.get(0).line());
        assertEquals(6, rows.get(1).line());
        assertEquals(OptionalInt.empty(), rows("id,age\na,\n").get(0).optionalInteger("age"));
    }

    @Test
    void aFaultNamesTheResourceLineAndField() throws Exception {
        ReferenceCsv.Row row = rows("id,value\na,x\n").get(0);
        assertEquals(
                "costs.csv line 2, field value: 'x' is not a number",
                assertThrows(IllegalStateException.class, () -> row.number("value"))
                        .getMessage());
        assertEquals(
                "costs.csv line 2, field cost: is not a column (columns: [id, value])",
                assertThrows(IllegalStateException.class, () -> row.get("cost")).getMessage());
        ReferenceCsv.Row empty = rows("id,value\na,\n").get(0);
        assertEquals(
                "costs.csv line 2, field value: is empty",
                assertThrows(IllegalStateException.class, () -> empty.integer("value"))
                        .getMessage());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsOrAMissingResourceFails() {
        assertEquals(
                "costs.csv line 3: 3 fields where the header has 2",
                assertThrows(IllegalStateException.class, () -> rows("id,value\na,1\nb,2,3\n"))
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> ReferenceCsv.read(ReferenceCsvTest.class, "/no/such.csv"));
    }

    @Test
    void theShippedReferenceTablesRead() {
        assertEquals(
                19,
                ReferenceCsv.read(ReferenceCsv.class, "/org/openphm/reference/esp2013.csv")
                        .size());
        assertEquals(1590, UnitCosts.gbp("non_elective_episode_2016_17"));
    }
}
