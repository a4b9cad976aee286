package org.openphm.analyses.qof;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every register of the DP 5 definitions table, with the data pack's own definitions and the QOF 2023-24
 * denominator age bases. Depression prevalence was retired after 2022/23 (DP 3.4) and is kept for the trend.
 */
public final class QofRegisters {
    private QofRegisters() {}

    public static final List<QofRegister> ALL = List.of(
            new QofRegister("AST", "Asthma", 6, "DP 5.2", "The percentage of patients aged 6 yrs and older with asthma, "
                    + "excluding those who have been prescribed no asthma-related drugs in the previous twelve months, "
                    + "as recorded on practice disease registers from all registered patients aged 6 yrs and older."),
            new QofRegister("AF", "Atrial fibrillation", 0, "DP 5.3",
                    "The percentage of patients with atrial fibrillation, as recorded on practice disease registers."),
            new QofRegister("CAN", "Cancer", 0, "DP 5.4", "The percentage of patients with cancer, as recorded on "
                    + "practice disease registers (excluding non-melanotic skin cancers from 1st April 2003)."),
            new QofRegister("CHD", "CHD", 0, "DP 5.5", "The percentage of patients with coronary heart disease (CHD), "
                    + "as recorded on practice disease register."),
            new QofRegister("CKD", "CKD", 18, "DP 5.6", "The percentage of patients aged 18 years and over with chronic "
                    + "kidney disease (CKD) with classification of categories G3a to G5, as recorded on practice "
                    + "disease registers."),
            new QofRegister("COPD", "COPD", 0, "DP 5.7",
                    "The percentage of patients with COPD, as recorded on practice disease registers."),
            new QofRegister("DEM", "Dementia", 0, "DP 5.8", "The number of people with dementia recorded on GP practice "
                    + "registers as a proportion of the people (all ages) registered at each GP practice."),
            new QofRegister("DM", "Diabetes", 17, "DP 5.9", "The percentage of patients aged 17 or over with diabetes "
                    + "mellitus, as recorded on practice disease registers."),
            new QofRegister("EP", "Epilepsy", 18, "DP 5.10", "The percentage of patients aged 18 years and over with "
                    + "epilepsy, as recorded on practice disease registers."),
            new QofRegister("HF", "Heart failure", 0, "DP 5.11",
                    "The percentage of patients with heart failure, as recorded on practice disease registers."),
            new QofRegister("HYP", "Hypertension", 0, "DP 5.12", "The percentage of patients with established "
                    + "hypertension, as recorded on practice disease registers (proportion of total list size)."),
            new QofRegister("LD", "Learning disability", 0, "DP 5.13", "The percentage of patients with learning "
                    + "disabilities, as recorded on practice disease registers."),
            new QofRegister("OB", "Obesity", 18, "DP 5.14", "Percentage of patients aged 18 or over living with "
                    + "obesity, as recorded in the previous 12 months on the practice disease register."),
            new QofRegister("OST", "Osteoporosis", 50, "DP 5.15", "The percentage of patients with osteoporosis, as "
                    + "recorded on practice disease register, from all patients aged 50 or older."),
            new QofRegister("PAD", "PAD", 0, "DP 5.16", "The percentage of patients with peripheral arterial disease, "
                    + "as recorded on practice disease registers (proportion of total list size)."),
            new QofRegister("PC", "Palliative/supportive care", 0, "DP 5.17", "The percentage of patients in need of "
                    + "palliative care/support, as recorded on practice disease registers, irrespective of age."),
            new QofRegister("RA", "Rheumatoid arthritis", 16, "DP 5.18", "The percentage of patients with rheumatoid "
                    + "arthritis, as recorded on practice disease register."),
            new QofRegister("STIA", "Stroke", 0, "DP 5.19", "The percentage of patients with stroke or transient "
                    + "ischaemic attack (TIA), as recorded on practice disease registers (proportion of total list size)."),
            new QofRegister("NDH", "Non-diabetic hyperglycaemia", 18, "DP 3.10", "All patients aged 18 or over with a "
                    + "record of non-diabetic hyperglycaemia or pre-diabetes not superseded by a diagnosis of diabetes, "
                    + "out of all patients aged 18+ registered with the practice."),
            new QofRegister("SMI", "Mental health (SMI)", 0, "DP 3.3", "The percentage of patients with schizophrenia, "
                    + "bipolar affective disorder and other psychoses as recorded on practice disease registers."),
            new QofRegister("DEP", "Depression", 18, "DP 3.4", "The percentage of patients aged 18 and over with "
                    + "depression, as recorded on practice disease registers (retired after 2022/23)."));

    /** Register id -> age label, e.g. for the England comparator. */
    public static Map<String, String> ageLabels() {
        return ALL.stream().collect(Collectors.toMap(QofRegister::id, QofRegister::ageLabel));
    }
}
