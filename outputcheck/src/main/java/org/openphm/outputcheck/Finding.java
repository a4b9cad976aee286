package org.openphm.outputcheck;

/**
 * One breach: where it is and which rule it breaks. The detail never repeats an identifier it found.
 *
 * @param file path relative to the checked folder
 * @param row data row (1 = the first row under the header) or page; 0 when the finding is about the whole file
 * @param column the column or field, or "" for free text
 */
public record Finding(String file, long row, String column, Rule rule, String detail) {

    @Override
    public String toString() {
        return file + (row > 0 ? ", row " + row : "") + (column.isEmpty() ? "" : ", column " + column) + ": "
                + rule.code() + " - " + detail;
    }
}
