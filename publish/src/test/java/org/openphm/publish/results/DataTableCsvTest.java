package org.openphm.publish.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 12: the dashboard's CSV downloads never hold a cell a spreadsheet would run as a formula (OWASP). */
class DataTableCsvTest {

    @Test
    void downloadsNeutraliseFormulasButKeepNegativeNumbers() {
        DataTable t = new DataTable(
                "t",
                List.of("provider", "change"),
                List.of(List.of("+cmd|' /C calc'!A0", "-3.5"), List.of("Luton, north", "-0")));
        assertEquals("provider,change\n'+cmd|' /C calc'!A0,-3.5\n\"Luton, north\",-0\n", t.toCsv());
    }
}
