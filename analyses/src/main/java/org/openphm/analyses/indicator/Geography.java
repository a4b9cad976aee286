package org.openphm.analyses.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;
import org.openphm.engine.query.Query;
import org.openphm.model.AreaType;
import org.openphm.model.CanonicalSchema;

/**
 * The areas of the workspace — practice, PCN, neighbourhood, Place, ICB — with their names and parents, read
 * from the practice reference table. England is always present, as every comparison's last parent.
 */
public final class Geography {

    public static final String ENGLAND_CODE = "E92000001";

    public record Area(String code, String name, AreaType type, String parentCode) {}

    private final Map<String, Area> areas = new LinkedHashMap<>();

    private Geography() {}

    /** The population query column that holds each area level's code. */
    public static String column(AreaType type) {
        return switch (type) {
            case PRACTICE -> "practice_code";
            case PCN -> "pcn_code";
            case NEIGHBOURHOOD -> "neighbourhood_code";
            case PLACE -> "place_code";
            case ICB -> "icb_code";
            case ENGLAND, REGION ->
                throw new IllegalArgumentException(
                        type.label() + " is not an area of a workspace: it is computed from ICBs built together");
        };
    }

    /** The area levels computed from the workspace, largest first. */
    public static final List<AreaType> LOCAL_LEVELS =
            List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN, AreaType.PRACTICE);

    public static Geography load(Engine engine) {
        Geography g = new Geography();
        g.add(new Area(ENGLAND_CODE, AreaType.ENGLAND.label(), AreaType.ENGLAND, null));
        Result r = engine.execute(Query.from(CanonicalSchema.PRACTICE));
        for (int i = 0; i < r.size(); i++) {
            String icb = r.getString(i, "icb_code");
            String place = r.getString(i, "place_code");
            String hood = r.getString(i, "neighbourhood_code");
            String pcn = r.getString(i, "pcn_code");
            g.add(new Area(icb, r.getString(i, "icb_name"), AreaType.ICB, ENGLAND_CODE));
            g.add(new Area(place, r.getString(i, "place_name"), AreaType.PLACE, icb));
            g.add(new Area(hood, r.getString(i, "neighbourhood_name"), AreaType.NEIGHBOURHOOD, place));
            // A PCN can straddle neighbourhoods in real data; its first practice's neighbourhood is its parent.
            g.add(new Area(pcn, r.getString(i, "pcn_name"), AreaType.PCN, hood));
            g.add(new Area(r.getString(i, "practice_code"), r.getString(i, "practice_name"), AreaType.PRACTICE, pcn));
        }
        return g;
    }

    /** For tests: a geography given directly. */
    public static Geography of(List<Area> list) {
        Geography g = new Geography();
        g.add(new Area(ENGLAND_CODE, AreaType.ENGLAND.label(), AreaType.ENGLAND, null));
        list.forEach(g::add);
        return g;
    }

    private void add(Area a) {
        areas.putIfAbsent(a.code(), a);
    }

    public Area area(String code) {
        Area a = areas.get(code);
        if (a == null) {
            throw new IllegalArgumentException("unknown area " + code);
        }
        return a;
    }

    /** The area with this code, if the geography has it. */
    public java.util.Optional<Area> find(String code) {
        return java.util.Optional.ofNullable(areas.get(code));
    }

    public List<Area> areas(AreaType type) {
        List<Area> out = new ArrayList<>();
        areas.values().stream().filter(a -> a.type() == type).forEach(out::add);
        return out;
    }

    /** Code -> name, for every area. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        areas.values().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }
}
