package org.openphm.analyses.qof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openphm.model.ReferenceCsv;

/**
 * Every register of the DP 5 definitions table, with the data pack's own names and definitions (resource
 * data_pack_registers.csv) and QOF's denominator age bases (the model's reference/qof_registers.csv, NHS Digital
 * QOF 2023-24). Depression prevalence was retired after 2022/23 (DP 3.4) and is kept for the trend.
 */
public final class QofRegisters {
    private QofRegisters() {}

    public static final List<QofRegister> ALL = load();

    /** Register id -> age label, e.g. for the England comparator. */
    public static Map<String, String> ageLabels() {
        return ALL.stream().collect(Collectors.toMap(QofRegister::id, QofRegister::ageLabel));
    }

    private static List<QofRegister> load() {
        Map<String, Integer> minAge = new HashMap<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(QofRegisters.class, "/org/openphm/reference/qof_registers.csv")) {
            minAge.put(r.get("group_code"), r.integer("denominator_min_age"));
        }
        List<QofRegister> registers = new ArrayList<>();
        for (ReferenceCsv.Row r : ReferenceCsv.read(QofRegisters.class, "data_pack_registers.csv")) {
            Integer age = minAge.get(r.get("qof_group_code"));
            if (age == null) {
                throw r.fault("qof_group_code", "no QOF register " + r.get("qof_group_code") + " in qof_registers.csv");
            }
            registers.add(
                    new QofRegister(r.get("register"), r.get("name"), age, r.get("section"), r.get("definition")));
        }
        return List.copyOf(registers);
    }
}
