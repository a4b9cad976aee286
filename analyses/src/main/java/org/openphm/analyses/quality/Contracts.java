package org.openphm.analyses.quality;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.bool;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.date;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.integer;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.indicator.Geography;
import org.openphm.model.results.ChartSpec;

/**
 * DP 10.3: the contract register, with every contract that expires within 12 months of the register date
 * flagged: those are the commissioning decisions the Case for Change has to land in time (all six DP 10.3
 * block contracts end on 31 March 2026).
 */
public final class Contracts implements Analysis {

    public static final String ID = "dp-10.3-contracts";
    static final int NOTICE_MONTHS = 12;

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "DP 10.3",
                "Contracts and their expiry",
                "Each provider's contract type, services, Places and expiry date; contracts expiring within "
                        + NOTICE_MONTHS + " months of the register date flagged.",
                "Register listing. Expiring = expiry on or after the register date and no later than "
                        + NOTICE_MONTHS + " calendar months after it. Register date as in DP 10.2 (the later of "
                        + "the end of the latest financial year analysed and the latest CQC rating date).",
                "provider_register (DP 10.3 contract overview).",
                List.of(
                        "Excluded, as in the DP: ADHD Right to Choose, independent sector providers, joint "
                                + "contracts with local authorities, grant agreements and complex placements.",
                        "Providers with no contract on the register (e.g. Psychiatry UK, Right to Choose) are "
                                + "listed with an empty expiry."),
                List.of(ChartSpec.ofTable(
                        "table",
                        "Contracts by expiry",
                        "Expiring within 12 months flagged",
                        "contracts",
                        Map.of(),
                        Map.of(),
                        null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        ProviderRegister register = ProviderRegister.read(context);
        LocalDate asAt = register.asAt();
        List<ProviderRegister.Entry> entries = new ArrayList<>(register.entries());
        entries.sort(Comparator.comparing(
                        ProviderRegister.Entry::contractExpiry, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProviderRegister.Entry::provider));
        List<List<Object>> rows = new ArrayList<>();
        for (ProviderRegister.Entry e : entries) {
            LocalDate expiry = e.contractExpiry();
            rows.add(Arrays.asList(
                    e.provider(),
                    e.contractType(),
                    e.services(),
                    placeNames(context.geography(), e.places()),
                    expiry,
                    expiry == null ? null : ChronoUnit.DAYS.between(asAt, expiry),
                    expiry == null ? null : expiresWithinNotice(expiry, asAt),
                    asAt));
        }
        return List.of(Tables.table(
                "contracts",
                "Contracts with expiry and the 12-month flag",
                List.of(
                        text("provider", "Provider"),
                        text("contract_type", "Contract type (block, ...)"),
                        text("services", "Services covered"),
                        text("places", "Places served"),
                        date("contract_expiry", "Expiry date"),
                        integer("days_to_expiry", "Days from the register date to expiry; negative = expired"),
                        bool("expires_within_12_months", "Expiry within 12 months of the register date"),
                        date("register_date", "Date the register is read at")),
                rows));
    }

    static boolean expiresWithinNotice(LocalDate expiry, LocalDate asAt) {
        return !expiry.isBefore(asAt) && !expiry.isAfter(asAt.plusMonths(NOTICE_MONTHS));
    }

    /** Place codes as names where the geography knows them (E06000032 -> Luton). */
    static String placeNames(Geography geography, List<String> codes) {
        Map<String, String> names = geography.names();
        return codes.stream().map(c -> names.getOrDefault(c, c)).collect(Collectors.joining("; "));
    }
}
