package org.openphm.model.results;

import org.openphm.model.ResultColumnType;

/**
 * One column of a published results file: its name, what kind of value it holds and how it is released.
 *
 * @param unit what one unit of the value is ("people", "%", "per 100,000"), or null where the column says it
 */
public record ResultColumn(String name, ResultColumnType type, Disclosure disclosure, String unit, String description) {

    public ResultColumn {
        if (disclosure == Disclosure.COUNT && type != ResultColumnType.COUNT) {
            throw new IllegalArgumentException("column " + name + ": a count is declared with type count");
        }
    }

    static ResultColumn label(String name, String description) {
        return new ResultColumn(name, ResultColumnType.STRING, Disclosure.REFERENCE, null, description);
    }

    static ResultColumn count(String name, String unit, String description) {
        return new ResultColumn(name, ResultColumnType.COUNT, Disclosure.COUNT, unit, description);
    }

    static ResultColumn derived(String name, String description) {
        return new ResultColumn(name, ResultColumnType.NUMBER, Disclosure.DERIVED, null, description);
    }
}
