package org.openphm.model.results;

import org.openphm.model.ResultColumnType;

/**
 * One column of a published results file: its name, what kind of value it holds, the unit and precision it is
 * published in, and how it is released.
 *
 * @param unit      what one unit of the value is ("people", "%", "per 100,000"), or null where the column says it
 * @param precision the decimal places a number keeps; {@link Precision#AS_COMPUTED} for text and for values the
 *                  output check recomputes from published counts
 */
public record ResultColumn(
        String name,
        ResultColumnType type,
        Disclosure disclosure,
        String unit,
        Precision precision,
        String description) {

    public ResultColumn {
        if (disclosure == Disclosure.COUNT && type != ResultColumnType.COUNT) {
            throw new IllegalArgumentException("column " + name + ": a count is declared with type count");
        }
        if (precision != Precision.AS_COMPUTED && !type.numeric()) {
            throw new IllegalArgumentException("column " + name + ": only a number is rounded");
        }
    }

    static ResultColumn label(String name, String description) {
        return new ResultColumn(
                name, ResultColumnType.STRING, Disclosure.REFERENCE, null, Precision.AS_COMPUTED, description);
    }

    static ResultColumn count(String name, String unit, String description) {
        return new ResultColumn(name, ResultColumnType.COUNT, Disclosure.COUNT, unit, Precision.WHOLE, description);
    }

    static ResultColumn derived(String name, String description) {
        return new ResultColumn(
                name, ResultColumnType.NUMBER, Disclosure.DERIVED, null, Precision.AS_COMPUTED, description);
    }
}
