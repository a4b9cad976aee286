package org.openphm.synth.feeds;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The aggregate feeds are built from one ICB's published tables (the BLMK data pack's). For any other ICB every
 * label of that ICB in them (its code, Places, trusts, sites, local names: {@link SyntheticIcbDefinition#ownLabels})
 * is replaced by the ICB's own, as its definition's {@code feeds.relabel} says; a label left unreplaced stops
 * generation, naming the table and the label, so no organisation or place of the source ICB reaches another ICB's
 * files.
 */
final class Relabel {
    private static final Relabel NONE = new Relabel(null, Map.of(), null, null);

    private final String source;
    private final Map<String, String> replacements;
    private final Pattern relabelled;
    private final Pattern sourceLabels;

    private Relabel(String source, Map<String, String> replacements, Pattern relabelled, Pattern sourceLabels) {
        this.source = source;
        this.replacements = replacements;
        this.relabelled = relabelled;
        this.sourceLabels = sourceLabels;
    }

    /** Nothing to relabel for the ICB whose tables they are; another ICB's relabelling from its definition. */
    static Relabel of(SyntheticIcbDefinition icb) {
        if (icb.feeds() == null) {
            return NONE;
        }
        Map<String, String> relabel =
                icb.feeds().relabel() == null ? Map.of() : icb.feeds().relabel();
        // A label this ICB uses itself is not the source's leaking (an ICB of England may keep its real code).
        Set<String> labels = new java.util.LinkedHashSet<>(
                SyntheticIcbDefinition.load(icb.feeds().source()).ownLabels());
        labels.removeAll(relabel.values());
        return new Relabel(icb.feeds().source(), Map.copyOf(relabel), words(relabel.keySet()), words(labels));
    }

    /**
     * Whole words only ("Bedford" is not replaced inside "Bedfordshire", which has its own label), longest first so a
     * label containing another ("Central Bedfordshire") wins.
     */
    private static Pattern words(Set<String> labels) {
        if (labels.isEmpty()) {
            return null;
        }
        List<String> longestFirst = labels.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        return Pattern.compile("(?<![A-Za-z0-9])(?:"
                + longestFirst.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![A-Za-z0-9])");
    }

    /** The row with every text value relabelled. */
    Object[] row(String table, Object[] values) {
        if (relabelled == null && sourceLabels == null) {
            return values;
        }
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String text) {
                out[i] = text(table, text);
            }
        }
        return out;
    }

    private String text(String table, String text) {
        String result = text;
        if (relabelled != null) {
            Matcher m = relabelled.matcher(text);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(replacements.get(m.group())));
            }
            m.appendTail(b);
            result = b.toString();
        }
        if (sourceLabels != null) {
            Matcher left = sourceLabels.matcher(result);
            if (left.find()) {
                throw new IllegalArgumentException("the " + table + " feed is built from the " + source
                        + " definition's tables, and a value still names its '" + left.group()
                        + "': give it a label of this ICB's own under feeds.relabel in the definition");
            }
        }
        return result;
    }
}
