package org.openphm.analyses.performance;

import java.util.HashMap;
import java.util.Map;
import org.openphm.model.ReferenceCsv;

/**
 * Which DP page a waiting-list team belongs to: the waiting_list return has no setting column, and DP 7.7
 * (adult community) and DP 7.8 (CNWL adult and children's mental health) group the teams by hand. The grouping
 * is the data pack's own, as printed (resource waiting_list_services.csv); a team it does not list is
 * "Not classified" and shown with the community page so that it is never dropped.
 */
public final class WaitingListServices {
    public static final String ADULT_COMMUNITY = "Adult community";
    public static final String ADULT_MENTAL_HEALTH = "Adult mental health";
    public static final String CHILDREN_MENTAL_HEALTH = "Children's mental health";
    public static final String NOT_CLASSIFIED = "Not classified";

    private static final Map<String, String> SETTINGS = load();

    private WaitingListServices() {}

    public static String setting(String provider, String service) {
        return SETTINGS.getOrDefault(provider + "|" + service, NOT_CLASSIFIED);
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(WaitingListServices.class, "waiting_list_services.csv")) {
            m.put(r.get("provider_code") + "|" + r.get("service"), r.get("setting"));
        }
        return Map.copyOf(m);
    }
}
