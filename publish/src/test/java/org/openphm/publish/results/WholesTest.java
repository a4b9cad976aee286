package org.openphm.publish.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.openphm.model.Totals;

/** The pack reads every total label the analyses write as a whole, never as one of the items compared. */
class WholesTest {

    @Test
    void everyTotalLabelOfTheVocabularyIsAWhole() throws Exception {
        int labels = 0;
        for (Field f : Totals.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String label = (String) f.get(null);
                assertTrue(Wholes.isTotal(label), f.getName() + " = '" + label + "' is not read as a total");
                labels++;
            }
        }
        assertTrue(labels >= 7, "Totals defines the total labels: " + labels);
    }

    @Test
    void aResidualCategoryIsAPart() {
        assertFalse(Wholes.isTotal("All other causes"));
        assertFalse(Wholes.isTotal("Luton"));
    }
}
