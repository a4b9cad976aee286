package org.openphm.synth.feeds;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * feedback: every contact the ICB received in the year to July 2025 with exactly DP 10.1's counts by type and
 * provider (7 complaints, 18 concerns, 29 enquiries, 1 compliment, 2 information requests). The contacts DP 6.9
 * and 6.10 list are written as listed; the others take theme, service type and keywords from a listed contact of
 * the same provider (or type) and say in their summary that the detail is synthetic.
 */
final class FeedbackFeed implements Feed {

    static final LocalDate PERIOD_START = LocalDate.of(2024, 8, 1);
    static final LocalDate PERIOD_END = LocalDate.of(2025, 7, 31);

    private record Contact(
            String type,
            String summary,
            String theme,
            String serviceType,
            String keywords,
            String provider,
            LocalDate received) {}

    @Override
    public Table table() {
        return CanonicalSchema.FEEDBACK;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        SplittableRandom rng = ctx.random("feedback");
        List<Psv.Row> listed = new ArrayList<>(Psv.read("feedback_published.psv"));
        List<Contact> contacts = new ArrayList<>();
        long days = ChronoUnit.DAYS.between(PERIOD_START, PERIOD_END) + 1;
        for (Psv.Row c : Psv.read("feedback_counts.psv")) {
            String type = c.text("type"), provider = c.text("provider");
            int count = c.number("count").intValue();
            List<Psv.Row> own = listed.stream()
                    .filter(r ->
                            r.text("type").equals(type) && r.text("provider").equals(provider))
                    .toList();
            if (own.size() > count) {
                throw new IllegalStateException("DP 6.9/6.10 list more " + type + " for " + provider + " than DP 10.1");
            }
            for (int i = 0; i < count; i++) {
                LocalDate received = PERIOD_START.plusDays(rng.nextLong(days));
                if (i < own.size()) {
                    Psv.Row r = own.get(i);
                    contacts.add(new Contact(
                            type,
                            r.text("summary"),
                            r.text("theme"),
                            r.text("service_type"),
                            r.text("keywords"),
                            provider,
                            received));
                } else {
                    Psv.Row like = lookalike(listed, type, provider, rng);
                    contacts.add(new Contact(
                            type,
                            "Synthetic " + type.replace('_', ' ') + " about " + provider
                                    + " (detail not published in the DP)",
                            like.text("theme"),
                            like.text("service_type"),
                            like.text("keywords"),
                            provider,
                            received));
                }
            }
        }
        contacts.sort(Comparator.comparing(Contact::received).thenComparing(Contact::type));
        int id = 1;
        for (Contact c : contacts) {
            out.row(
                    String.format("FB%04d", id++),
                    c.type(),
                    c.received(),
                    c.theme(),
                    c.serviceType(),
                    c.provider(),
                    c.keywords(),
                    c.summary());
        }
    }

    /** A listed contact about the same provider if there is one, else one of the same type, else any. */
    private static Psv.Row lookalike(List<Psv.Row> listed, String type, String provider, SplittableRandom rng) {
        List<Psv.Row> pool =
                listed.stream().filter(r -> r.text("provider").equals(provider)).toList();
        if (pool.isEmpty()) {
            pool = listed.stream().filter(r -> r.text("type").equals(type)).toList();
        }
        if (pool.isEmpty()) {
            pool = listed;
        }
        return pool.get(rng.nextInt(pool.size()));
    }
}
