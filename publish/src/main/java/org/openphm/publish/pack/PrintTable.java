package org.openphm.publish.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openphm.publish.results.DataTable;

/**
 * A results table as it is printed: the same rows, with the columns a reader of an A4 page does not need moved
 * out of the way, so that names are not squeezed into narrow columns. A code is dropped when its name is
 * beside it (area_code beside area_name, condition beside condition_name) and parent codes always; a long
 * text repeated on every row (a disclosure note) is printed once under the table. The results files keep
 * every column.
 */
record PrintTable(List<String> columns, List<List<String>> rows, Map<String, String> footnotes) {
    /** A repeated value longer than this is a sentence, not a category, and goes under the table. */
    private static final int SENTENCE = 25;

    static PrintTable of(DataTable t) {
        List<String> keep = new ArrayList<>();
        Map<String, String> footnotes = new LinkedHashMap<>();
        for (String c : t.columns()) {
            if (isCodeBesideItsName(c, t.columns()) || c.equals("parent_code")) {
                continue;
            }
            String repeated = repeatedSentence(t, c);
            if (repeated != null) {
                footnotes.put(c, repeated);
                continue;
            }
            keep.add(c);
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : t.rows()) {
            List<String> r = new ArrayList<>(keep.size());
            for (String c : keep) {
                r.add(t.get(row, c));
            }
            rows.add(r);
        }
        return new PrintTable(keep, rows, footnotes);
    }

    /**
     * area_code → area_name, site_code → site_name, condition → condition_name, type → type_name, provider →
     * provider_name; and site_code beside a column named site (which holds the name).
     */
    static boolean isCodeBesideItsName(String column, List<String> columns) {
        boolean code = column.endsWith("_code");
        String stem = code ? column.substring(0, column.length() - "_code".length()) : column;
        return (columns.contains(stem + "_name") && !column.equals(stem + "_name")) || (code && columns.contains(stem));
    }

    private static String repeatedSentence(DataTable t, String column) {
        if (t.rows().size() < 2) {
            return null;
        }
        String first = t.get(t.rows().get(0), column);
        if (first == null || first.length() <= SENTENCE) {
            return null;
        }
        for (List<String> row : t.rows()) {
            if (!Objects.equals(first, t.get(row, column))) {
                return null;
            }
        }
        return first;
    }
}
