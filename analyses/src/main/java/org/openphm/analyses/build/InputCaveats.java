package org.openphm.analyses.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openphm.analyses.indicator.Breakdown;
import org.openphm.analyses.indicator.IndicatorMetadata;
import org.openphm.analyses.quality.DataQualityCaveats;
import org.openphm.analyses.quality.DataQualityCheck;
import org.openphm.engine.Engine;
import org.openphm.model.CanonicalSchema;
import org.openphm.model.Table;

/**
 * The data-quality caveats that apply to each published analysis and indicator (DP 9: "every data-pack section
 * states the data-quality caveats that apply to it"), measured on this workspace once per build. An analysis's
 * inputs are the canonical tables its declared source names; the patient table's ethnicity caveat applies only
 * where ethnic group is a breakdown, since everything else reads patients without using their ethnicity.
 */
final class InputCaveats {

    private final Map<String, List<String>> byTable = new LinkedHashMap<>();

    private InputCaveats() {}

    /** Measures every table that has data-quality checks (one scan each). */
    static InputCaveats measure(Engine engine) {
        InputCaveats c = new InputCaveats();
        for (Table t : CanonicalSchema.TABLES) {
            if (!DataQualityCheck.of(t).isEmpty()) {
                c.byTable.put(t.name(), DataQualityCaveats.caveats(engine, t));
            }
        }
        return c;
    }

    /** The measured caveats of the tables named (as whole words) in a source description. */
    List<String> forSource(String source, boolean ethnicBreakdown) {
        List<String> out = new ArrayList<>();
        byTable.forEach((table, sentences) -> {
            boolean named = Pattern.compile("\\b" + Pattern.quote(table) + "\\b")
                    .matcher(source)
                    .find();
            boolean patientEthnicity = table.equals(CanonicalSchema.PATIENT.name());
            if (patientEthnicity ? ethnicBreakdown : named) {
                out.addAll(sentences);
            }
        });
        return out;
    }

    List<String> forIndicator(IndicatorMetadata m) {
        return forSource(m.source(), m.breakdowns().contains(Breakdown.ETHNIC_GROUP));
    }

    /** The declared caveats followed by the measured ones. */
    static List<String> combined(List<String> declared, List<String> measured) {
        List<String> out = new ArrayList<>(declared);
        measured.stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }
}
