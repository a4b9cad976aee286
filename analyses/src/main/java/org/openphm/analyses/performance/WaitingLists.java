package org.openphm.analyses.performance;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.analyses.output.Percentages.share;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.icb.IcbProfile;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.results.ChartSpec;

/**
 * DP 7.7 and 7.8: people waiting 18 weeks or more by provider and team — the top 10 teams of each provider and
 * setting as at a month with their four-month trend, and each provider's list size, 18+ week waiters and mean
 * wait by month. Shown for the data pack's month (Jul-25) and for the latest month in the data.
 */
public final class WaitingLists implements Analysis {

    public static final int TOP = 10;
    public static final int TREND_MONTHS = 4;
    /** The month DP 7.7 and 7.8 sort by ("Sorted by highest to lowest as of Jul-25"). */
    public static final YearMonth DATA_PACK_MONTH = YearMonth.of(2025, 7);

    private final String id;
    private final String section;
    private final String title;
    private final Set<String> settings;
    /** The provider teams whose top ten and trend the page prints: the ICB profile's, by this page's id. */
    private final List<IcbProfile.TeamGroup> printedGroups;

    private WaitingLists(String id, String section, String title, Set<String> settings) {
        this.id = id;
        this.section = section;
        this.title = title;
        this.settings = settings;
        this.printedGroups = IcbProfile.current().waitingListGroups(id);
    }

    /** DP 7.7: adult community teams (and any team the DP does not classify). */
    public static WaitingLists adultCommunity() {
        return new WaitingLists(
                "dp-7.7-community-waiting-lists",
                "DP 7.7",
                "Adult community waiting lists",
                Set.of(WaitingListServices.ADULT_COMMUNITY, WaitingListServices.NOT_CLASSIFIED));
    }

    /** DP 7.8: adult and children's mental health teams. */
    public static WaitingLists mentalHealth() {
        return new WaitingLists(
                "dp-7.8-mental-health-waiting-lists",
                "DP 7.8",
                "Mental health waiting lists",
                Set.of(WaitingListServices.ADULT_MENTAL_HEALTH, WaitingListServices.CHILDREN_MENTAL_HEALTH));
    }

    @Override
    public AnalysisInfo info() {
        List<ChartSpec> charts = new ArrayList<>();
        for (IcbProfile.TeamGroup g : printedGroups) {
            String who = Organisations.name(g.provider()) + ", " + g.setting().toLowerCase();
            Map<String, String> teams = Map.of(
                    "view", PerformanceDashboard.DATA_PACK_VIEW, "provider_code", g.provider(), "setting", g.setting());
            charts.add(ChartSpec.ofTable(
                    "ranked_table",
                    "Top " + TOP + " teams by 18+ week waiters: " + who,
                    "As at " + DATA_PACK_MONTH + ", with the change over four months",
                    "top-teams",
                    teams,
                    Map.of("y", "waiting_18w_plus"),
                    "people"));
            charts.add(ChartSpec.ofTable(
                    "trend",
                    "18+ week waiters by team: " + who,
                    "Top " + TOP + " teams, four months to " + DATA_PACK_MONTH,
                    "top-teams-trend",
                    teams,
                    Map.of("x", "month", "y", "waiting_18w_plus", "series", "service"),
                    "people"));
        }
        charts.add(ChartSpec.ofTable(
                "trend",
                "People waiting 18 weeks or more by provider",
                "All teams, by month",
                "by-provider-month",
                Map.of(),
                Map.of("x", "month", "y", "waiting_18w_plus", "series", "provider_setting"),
                "people"));
        return new AnalysisInfo(
                id,
                section,
                title,
                "People on a provider's waiting list at the month end who have waited 18 weeks or more, by team "
                        + "(service) and provider, with the list size and mean wait.",
                "Teams ranked by 18+ week waiters at the reference month (ties by name), top " + TOP + " per provider "
                        + "and setting; four-month trend = the reference month against three months before "
                        + "(↑ more waiters, ↓ fewer). Provider mean wait = team mean waits weighted by list size.",
                "waiting_list return (the providers' monthly waiting list reports; DP 7.7, 7.8).",
                // a subcontracted team of the ICB's own is its profile's note
                IcbProfile.current()
                        .caveats(
                                List.of("Teams are named as each provider reports them; the grouping into adult "
                                        + "community, adult and children's mental health is the data pack's, and "
                                        + "teams it does not list are 'Not classified' (shown with DP 7.7)."),
                                "waiting_list_teams",
                                List.of("A team's mean wait is as reported; where it is missing the provider mean "
                                        + "uses the other teams.")),
                charts);
    }

    private record Team(
            String provider,
            String service,
            String setting,
            Map<YearMonth, long[]> months,
            Map<YearMonth, Double> meanWait) {}

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        // The return is already one row per provider, team and month (hundreds of rows): read as is.
        Result r = context.engine()
                .execute(Query.from(CanonicalSchema.WAITING_LIST)
                        .orderBy(SortKey.asc("provider_code"), SortKey.asc("service"), SortKey.asc("month")));
        Map<String, Team> teams = new TreeMap<>();
        YearMonth latest = null;
        for (int i = 0; i < r.size(); i++) {
            String provider = r.getString(i, "provider_code");
            String service = r.getString(i, "service");
            String setting = WaitingListServices.setting(provider, service);
            if (!settings.contains(setting)) {
                continue;
            }
            YearMonth month = YearMonth.parse(r.getString(i, "month"));
            latest = latest == null || month.isAfter(latest) ? month : latest;
            Team t = teams.computeIfAbsent(
                    provider + "|" + service,
                    k -> new Team(provider, service, setting, new TreeMap<>(), new HashMap<>()));
            t.months().put(month, new long[] {r.getLong(i, "waiting_total"), r.getLong(i, "waiting_18w_plus")});
            t.meanWait().put(month, r.getDouble(i, "mean_wait_weeks"));
        }
        List<List<Object>> top = new ArrayList<>();
        List<List<Object>> trend = new ArrayList<>();
        if (latest != null) {
            if (!DATA_PACK_MONTH.isAfter(latest)) {
                topTeams(PerformanceDashboard.DATA_PACK_VIEW, DATA_PACK_MONTH, teams.values(), top, trend);
            }
            topTeams(PerformanceDashboard.LATEST_VIEW, latest, teams.values(), top, trend);
        }
        return List.of(
                new AnalysisTable(
                        "top-teams",
                        "Top teams by 18+ week waiters per provider and setting",
                        List.of(
                                text("view", "Data pack (Jul-25) or Latest"),
                                text("month", "Reference month"),
                                text("provider_code", "Provider"),
                                text("provider_name", "Provider name"),
                                text("setting", "Adult community, adult or children's mental health"),
                                integer("rank", "1 = most 18+ week waiters"),
                                text("service", "Team"),
                                integer("waiting_18w_plus", "Waiting 18+ weeks at the month end"),
                                text("first_month", "Three months before the reference month"),
                                integer("first_waiting_18w_plus", "Waiting 18+ weeks then"),
                                integer("change", "Change over the four months"),
                                number("change_pct", "Percentage change over the four months"),
                                text("trend", "↑ more, ↓ fewer, ↔ the same as three months before"),
                                integer("waiting_total", "Everyone on the list at the month end"),
                                number("waiting_18w_plus_pct", "Share waiting 18+ weeks"),
                                number("mean_wait_weeks", "Mean wait, weeks")),
                        top),
                new AnalysisTable(
                        "top-teams-trend",
                        "The top teams' 18+ week waiters over four months",
                        List.of(
                                text("view", "Data pack or Latest"),
                                text("provider_code", "Provider"),
                                text("setting", "Setting"),
                                integer("rank", "Rank at the reference month"),
                                text("service", "Team"),
                                text("month", "Month"),
                                integer("waiting_18w_plus", "Waiting 18+ weeks")),
                        trend),
                new AnalysisTable(
                        "by-provider-month",
                        "Each provider's list by month",
                        List.of(
                                text("provider_code", "Provider"),
                                text("provider_name", "Provider name"),
                                text("setting", "Setting"),
                                text("provider_setting", "Provider and setting, for charts"),
                                text("month", "Month"),
                                integer("teams", "Teams reporting"),
                                integer("waiting_total", "People waiting"),
                                integer("waiting_18w_plus", "Waiting 18+ weeks"),
                                number("waiting_18w_plus_pct", "Share waiting 18+ weeks"),
                                number("mean_wait_weeks", "Mean wait weighted by list size")),
                        byProviderMonth(teams.values())));
    }

    private static void topTeams(
            String view,
            YearMonth month,
            java.util.Collection<Team> teams,
            List<List<Object>> top,
            List<List<Object>> trend) {
        Map<String, List<Team>> groups = new TreeMap<>();
        for (Team t : teams) {
            if (t.months().containsKey(month)) {
                groups.computeIfAbsent(t.provider() + "|" + t.setting(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        YearMonth first = month.minusMonths(TREND_MONTHS - 1);
        for (List<Team> group : groups.values()) {
            group.sort(
                    Comparator.comparing((Team t) -> -t.months().get(month)[1]).thenComparing(Team::service));
            for (int rank = 1; rank <= Math.min(TOP, group.size()); rank++) {
                Team t = group.get(rank - 1);
                long[] now = t.months().get(month);
                long[] then = t.months().get(first);
                Long before = then == null ? null : then[1];
                top.add(Arrays.asList(
                        view,
                        month.toString(),
                        t.provider(),
                        Organisations.name(t.provider()),
                        t.setting(),
                        (long) rank,
                        t.service(),
                        now[1],
                        first.toString(),
                        before,
                        before == null ? null : now[1] - before,
                        before == null || before == 0 ? null : 100.0 * (now[1] - before) / before,
                        before == null ? null : now[1] > before ? "↑" : now[1] < before ? "↓" : "↔",
                        now[0],
                        share(now[1], now[0]),
                        t.meanWait().get(month)));
                for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
                    long[] v = t.months().get(m);
                    if (v != null) {
                        trend.add(Arrays.asList(
                                view, t.provider(), t.setting(), (long) rank, t.service(), m.toString(), v[1]));
                    }
                }
            }
        }
    }

    private static List<List<Object>> byProviderMonth(java.util.Collection<Team> teams) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Team t : teams) {
            for (var e : t.months().entrySet()) {
                double[] s =
                        sums.computeIfAbsent(t.provider() + "|" + t.setting() + "|" + e.getKey(), k -> new double[5]);
                Double wait = t.meanWait().get(e.getKey());
                s[0]++;
                s[1] += e.getValue()[0];
                s[2] += e.getValue()[1];
                if (wait != null) {
                    s[3] += wait * e.getValue()[0];
                    s[4] += e.getValue()[0];
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] k = key.split("\\|");
            rows.add(Arrays.asList(
                    k[0],
                    Organisations.name(k[0]),
                    k[1],
                    k[0] + " " + k[1].toLowerCase(),
                    k[2],
                    (long) s[0],
                    (long) s[1],
                    (long) s[2],
                    share(s[2], s[1]),
                    s[4] == 0 ? null : s[3] / s[4]));
        });
        return rows;
    }
}
