package org.openphm.synth.feeds;

import java.time.LocalDate;
import java.time.YearMonth;

/** One pseudonymised ESR record of the workforce feed. {@code leave} is null while in post. */
record StaffMember(
        String id,
        String organisation,
        String unit,
        String serviceArea,
        String staffGroup,
        String band,
        String ageBand,
        String sex,
        String ethnicGroup,
        double fte,
        LocalDate start,
        LocalDate leave) {

    /** In post at the end of the month: started on or before its last day and not left by then. */
    boolean inPostAt(YearMonth m) {
        LocalDate end = m.atEndOfMonth();
        return !start.isAfter(end) && (leave == null || leave.isAfter(end));
    }

    StaffMember withStart(LocalDate d) {
        return new StaffMember(
                id, organisation, unit, serviceArea, staffGroup, band, ageBand, sex, ethnicGroup, fte, d, leave);
    }

    StaffMember withLeave(LocalDate d) {
        return new StaffMember(
                id, organisation, unit, serviceArea, staffGroup, band, ageBand, sex, ethnicGroup, fte, start, d);
    }

    /** A different person in the same post: same unit, group and band, own id and dates. */
    StaffMember successor(String newId, LocalDate newStart) {
        return new StaffMember(
                newId,
                organisation,
                unit,
                serviceArea,
                staffGroup,
                band,
                ageBand,
                sex,
                ethnicGroup,
                fte,
                newStart,
                null);
    }
}
