package org.openphm.synth.activity;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Monthly waiting-list snapshots derived from referrals: a person is on a service's list at a month end if
 * they were referred on or before it and not yet seen. Waiting lists (DP 7.7, 7.8) therefore come from the
 * same referrals as everything else instead of being a separate invention.
 */
final class WaitingSnapshots {
    private WaitingSnapshots() {}

    static final YearMonth FIRST = YearMonth.of(ActivitySpan.FIRST, 4);
    static final YearMonth LAST = YearMonth.from(ActivitySpan.DATA_END);

    /**
     * @param waitEnd the first day the person is no longer waiting (first contact, or the day after the wait
     *                ended otherwise)
     */
    static void write(ActivityOutput out, String provider, String service, LocalDate referred, LocalDate waitEnd)
            throws IOException {
        YearMonth month = YearMonth.from(referred);
        if (month.isBefore(FIRST)) {
            month = FIRST;
        }
        for (; !month.isAfter(LAST); month = month.plusMonths(1)) {
            LocalDate snapshot = month.atEndOfMonth();
            if (snapshot.isBefore(referred)) {
                continue;
            }
            if (!snapshot.isBefore(waitEnd)) {
                break;
            }
            out.waiting(snapshot, provider, service, referred);
        }
    }
}
