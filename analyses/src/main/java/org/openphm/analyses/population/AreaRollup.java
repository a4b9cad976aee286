package org.openphm.analyses.population;

import java.util.List;
import org.openphm.analyses.indicator.Geography;

/** The ICB, Place and neighbourhood a neighbourhood-grain row counts towards, largest first. */
final class AreaRollup {
    private AreaRollup() {}

    static List<Geography.Area> areas(Geography geography, String icb, String place, String neighbourhood) {
        return List.of(geography.area(icb), geography.area(place), geography.area(neighbourhood));
    }
}
