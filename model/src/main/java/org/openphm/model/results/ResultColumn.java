package org.openphm.model.results;

/**
 * One column of a published results file: its name, what kind of value it holds and how it is released.
 *
 * @param unit what one unit of the value is ("people", "%", "per 100,000"), or null where the column says it
 */
public record ResultColumn(String name, ResultType type, Disclosure disclosure, String unit, String description) {

    public ResultColumn {
        if (disclosure == Disclosure.COUNT && type != ResultType.COUNT) {
            throw new IllegalArgumentException("column " + name + ": a count is declared with type count");
        }
    }

    static ResultColumn label(String name, String description) {
        return new ResultColumn(name, ResultType.STRING, Disclosure.REFERENCE, null, description);
    }

    static ResultColumn count(String name, String unit, String description) {
        return new ResultColumn(name, ResultType.COUNT, Disclosure.COUNT, unit, description);
    }

    static ResultColumn derived(String name, String description) {
        return new ResultColumn(name, ResultType.NUMBER, Disclosure.DERIVED, null, description);
    }
}
