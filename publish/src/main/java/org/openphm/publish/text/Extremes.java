package org.openphm.publish.text;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The highest and lowest of a chart's peers (areas of one level, the categories of one breakdown), as printed.
 * There are none when fewer than two peers have a value, when a label names more than one peer (the label
 * column does not identify what is compared, so a name would stand for a figure it is not), or when every
 * value prints the same (nothing stands out). Ties are named together, so one item is never picked at random.
 *
 * @param highest every peer printed at the highest value
 * @param lowest  every peer printed at the lowest value
 */
record Extremes<T>(List<T> highest, String high, List<T> lowest, String low) {

    /** @param printed how a value is printed under the chart: two values that print alike are alike */
    static <T> Optional<Extremes<T>> of(
            List<T> peers, Function<T, String> label, Function<T, Double> value, Function<Double, String> printed) {
        List<T> valued = peers.stream().filter(p -> value.apply(p) != null).toList();
        Set<String> labels = new HashSet<>();
        for (T p : valued) {
            if (!labels.add(label.apply(p))) {
                return Optional.empty();
            }
        }
        if (valued.size() < 2) {
            return Optional.empty();
        }
        double max = valued.stream().mapToDouble(p -> value.apply(p)).max().orElseThrow();
        double min = valued.stream().mapToDouble(p -> value.apply(p)).min().orElseThrow();
        String high = printed.apply(max);
        String low = printed.apply(min);
        if (high.equals(low)) {
            return Optional.empty();
        }
        return Optional.of(new Extremes<>(
                valued.stream()
                        .filter(p -> printed.apply(value.apply(p)).equals(high))
                        .toList(),
                high,
                valued.stream()
                        .filter(p -> printed.apply(value.apply(p)).equals(low))
                        .toList(),
                low));
    }
}
