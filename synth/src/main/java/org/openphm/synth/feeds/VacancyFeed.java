package org.openphm.synth.feeds;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;
import org.openphm.synth.feeds.Calibration.StaffGroup;

/**
 * vacancy: establishment and vacant WTE by organisation, staff group and month. Establishment is the in-post WTE
 * of {@link StaffModel} plus the vacancies, so the two feeds agree. The ICB-wide rate averages 7.29% over 2024/25
 * (DP 12.3) with a seasonal swing that sums to zero over the year, is higher the year before, and April 2025 has
 * exactly the 308 vacancies of the 2025/26 plan (DP 12.3, posts carried as WTE). Vacancies are spread over
 * organisations and groups by in-post WTE times the group's vacancy propensity (nursing and medical higher).
 */
final class VacancyFeed implements Feed {

    static final YearMonth PLAN_MONTH = YearMonth.of(2025, 4);

    @Override
    public Table table() {
        return CanonicalSchema.VACANCY;
    }

    @Override
    public void write(FeedContext ctx, FeedRows out) throws IOException {
        List<StaffMember> staff = StaffModel.build(ctx);
        Map<String, Double> propensity = new TreeMap<>();
        for (StaffGroup g : Calibration.STAFF_GROUPS) {
            propensity.put(g.name(), g.vacancyPropensity());
        }
        for (int i = 0; i < FeedContext.monthCount(); i++) {
            YearMonth m = FeedContext.month(i);
            // organisation|group -> in-post WTE at the month end
            Map<String, Double> inPost = new TreeMap<>();
            for (StaffMember s : staff) {
                if (s.inPostAt(m)) {
                    inPost.merge(s.organisation() + "|" + s.staffGroup(), s.fte(), Double::sum);
                }
            }
            double totalInPost =
                    inPost.values().stream().mapToDouble(Double::doubleValue).sum();
            double vacant = m.equals(PLAN_MONTH)
                    ? Calibration.VACANT_POSTS_2025_26 * ctx.scale()
                    : rate(m) / (1 - rate(m)) * totalInPost;
            List<String> cells = new ArrayList<>(inPost.keySet());
            double[] weights = cells.stream()
                    .mapToDouble(c -> inPost.get(c) * propensity.get(c.substring(c.indexOf('|') + 1)))
                    .toArray();
            // Apportioned in hundredths of a WTE so the organisation x group cells add up to the total exactly.
            long[] hundredths = Noise.apportion(Math.round(vacant * 100), weights);
            for (int c = 0; c < cells.size(); c++) {
                String[] key = cells.get(c).split("\\|");
                double v = hundredths[c] / 100.0;
                out.row(
                        key[0],
                        key[1],
                        m.toString(),
                        Cells.number(inPost.get(cells.get(c)) + v, 2),
                        Cells.number(v, 2));
            }
        }
    }

    /**
     * The ICB-wide vacancy rate of a month: 2024/25 averages exactly the published 7.29% (cosine swing over the
     * financial year sums to zero); 2023/24 is a point higher; after April 2025 it eases from the plan month's level.
     */
    static double rate(YearMonth m) {
        int monthOfYear = (m.getMonthValue() + 8) % 12; // April = 0
        double swing = 0.004 * Math.cos(2 * Math.PI * monthOfYear / 12);
        if (m.isBefore(YearMonth.of(2024, 4))) {
            return Calibration.VACANCY_RATE_2024_25 + 0.010 + swing;
        }
        if (m.isBefore(PLAN_MONTH)) {
            return Calibration.VACANCY_RATE_2024_25 + swing;
        }
        return Calibration.VACANCY_RATE_2024_25 - 0.006 - 0.0005 * SeriesExtension.distance(PLAN_MONTH, m);
    }
}
