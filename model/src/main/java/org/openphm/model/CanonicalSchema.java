package org.openphm.model;

import static org.openphm.model.Column.optional;
import static org.openphm.model.Column.required;
import static org.openphm.model.ColumnType.*;

import java.util.List;
import java.util.Optional;

/**
 * The canonical tables OpenPHM ingests, stores and computes on, as code. The schema
 * document docs/DATA_MODEL.generated.md is written from this class ({@link SchemaDocument}), so the two
 * cannot drift. Bump {@link #VERSION} on any change that an existing workspace would not satisfy.
 */
public final class CanonicalSchema {
    private CanonicalSchema() {}

    /** Schema version, recorded in every workspace and every results metadata file. */
    public static final int VERSION = 2;

    public static final String PERSON_ID = "person_id";
    /** Raw identifier accepted on input in place of person_id; validated, pseudonymised and dropped at ingest. */
    public static final String NHS_NUMBER = "nhs_number";

    private static Column personId() {
        return required(PERSON_ID, STRING, "Pseudonymised person identifier (keyed HMAC of the NHS number)");
    }

    // ---- reference ------------------------------------------------------------------------------------

    public static final Table PRACTICE = new Table(
            "practice",
            TableKind.REFERENCE,
            "GP practice and its place in the geography: practice -> PCN -> neighbourhood -> Place -> ICB",
            List.of(
                    required("practice_code", STRING, "ODS practice code").in(CodeSets.PRACTICE),
                    required("practice_name", STRING, "Practice name"),
                    required("pcn_code", STRING, "Primary care network ODS code"),
                    required("pcn_name", STRING, "Primary care network name"),
                    required("neighbourhood_code", STRING, "Neighbourhood code"),
                    required("neighbourhood_name", STRING, "Neighbourhood name"),
                    required("place_code", STRING, "Place (local authority) code")
                            .in(CodeSets.PLACE),
                    required("place_name", STRING, "Place name"),
                    required("icb_code", STRING, "ICB ODS code"),
                    required("icb_name", STRING, "ICB name")),
            List.of("practice_code"),
            true);

    public static final Table LSOA = new Table(
            "lsoa",
            TableKind.REFERENCE,
            "Lower-layer super output area (2021) with its deprivation and the Place it lies in",
            List.of(
                    required("lsoa_code", STRING, "LSOA 2021 code").in(CodeSets.LSOA),
                    required("lsoa_name", STRING, "LSOA name"),
                    required("imd_decile", INTEGER, "IMD 2019 decile within England, 1 = most deprived")
                            .in(CodeSets.IMD_DECILE),
                    required("imd_quintile", INTEGER, "IMD 2019 quintile within England, 1 = most deprived")
                            .in(CodeSets.IMD_QUINTILE),
                    required("place_code", STRING, "Place (local authority) code")
                            .in(CodeSets.PLACE)),
            List.of("lsoa_code"),
            true);

    public static final Table ENGLAND_COMPARATOR = new Table(
            "england_comparator",
            TableKind.REFERENCE,
            "England values of indicators, for significance against England. Public values where published; "
                    + "otherwise synthetic and flagged so, never passed off as real",
            List.of(
                    required("indicator_id", STRING, "Indicator identifier, as in results/indicators.csv"),
                    required("period", STRING, "Period, e.g. financial year 2024/25"),
                    required("sex", STRING, "Persons, Female or Male"),
                    required("age", STRING, "Age group label, e.g. All ages, 17+"),
                    required("value", DOUBLE, "England value in the indicator's unit"),
                    optional("lower_ci95", DOUBLE, "Lower 95% confidence limit"),
                    optional("upper_ci95", DOUBLE, "Upper 95% confidence limit"),
                    optional("lower_ci998", DOUBLE, "Lower 99.8% confidence limit"),
                    optional("upper_ci998", DOUBLE, "Upper 99.8% confidence limit"),
                    optional("count", DOUBLE, "Numerator"),
                    optional("denominator", DOUBLE, "Denominator"),
                    required("synthetic", BOOLEAN, "True when the value is synthetic, not a published figure"),
                    required("source", STRING, "Where the value comes from")),
            List.of("indicator_id", "period", "sex", "age"),
            false);

    // ---- patient level ------------------------------------------------------------------------------

    public static final Table PATIENT = new Table(
            "patient",
            TableKind.PATIENT_LEVEL,
            "One row per person ever registered",
            List.of(
                    personId(),
                    required("sex", STRING, "Sex").in(CodeSets.SEX),
                    required("birth_month", MONTH, "Month of birth (yyyy-mm)").in(CodeSets.MONTH),
                    optional("ethnicity", STRING, "NHS ethnic category; Z or empty = not stated")
                            .in(CodeSets.ETHNICITY),
                    optional(
                                    "lsoa",
                                    STRING,
                                    "LSOA 2021 of residence; empty = not known (no address in England, e.g. from a non-NHS source)")
                            .in(CodeSets.LSOA),
                    optional("death_date", DATE, "Date of death"),
                    optional("death_cause_icd10", STRING, "Underlying cause of death")
                            .in(CodeSets.ICD10)),
            List.of(PERSON_ID),
            true);

    public static final Table REGISTRATION = new Table(
            "registration",
            TableKind.PATIENT_LEVEL,
            "A spell of registration with a GP practice",
            List.of(
                    personId(),
                    required("practice_code", STRING, "Practice registered with")
                            .in(CodeSets.PRACTICE),
                    required("start_date", DATE, "Registration start"),
                    optional("end_date", DATE, "Registration end; empty = still registered")),
            List.of(PERSON_ID, "start_date"),
            true);

    public static final Table CONDITION = new Table(
            "condition",
            TableKind.PATIENT_LEVEL,
            "An entry on a condition register",
            List.of(
                    personId(),
                    required("condition", STRING, "Register id").in(CodeSets.CONDITION),
                    required("diagnosis_date", DATE, "Date first recorded"),
                    optional("resolved_date", DATE, "Date resolved; empty = on the register")),
            List.of(PERSON_ID, "condition", "diagnosis_date"),
            true);

    public static final Table OBSERVATION = new Table(
            "observation",
            TableKind.PATIENT_LEVEL,
            "A measurement recorded in primary care",
            List.of(
                    personId(),
                    required("code", STRING, "Measurement code").in(CodeSets.OBSERVATION_CODE),
                    required("value", DOUBLE, "Value in the unit of the code"),
                    required("date", DATE, "Date recorded")),
            List.of(PERSON_ID, "code", "date"),
            false);

    public static final Table REFERRAL = new Table(
            "referral",
            TableKind.PATIENT_LEVEL,
            "A referral to a community (CSDS) or mental health (MHSDS) service",
            List.of(
                    required("referral_id", STRING, "Referral identifier"),
                    personId(),
                    required("dataset", STRING, "Source dataset").in(CodeSets.DATASET),
                    required("provider_code", STRING, "Provider organisation code"),
                    optional("service", STRING, "Team type / service as in DP 4.7 and 4.9; empty = not recorded"),
                    required("referral_date", DATE, "Date referral received"),
                    optional("first_contact_date", DATE, "Date of first care contact"),
                    optional("discharge_date", DATE, "Date discharged from the service"),
                    optional("source", STRING, "Referral source"),
                    optional("accepted", BOOLEAN, "Whether the referral was accepted by the service")),
            List.of("referral_id"),
            true);

    public static final Table SPELL = new Table(
            "spell",
            TableKind.PATIENT_LEVEL,
            "A hospital inpatient spell (SUS admitted patient care)",
            List.of(
                    required("spell_id", STRING, "Spell identifier"),
                    personId(),
                    required("provider_code", STRING, "Provider organisation code"),
                    optional("provider_site", STRING, "Site code; often missing in the source (DP 9)"),
                    required("admission_method", STRING, "Admission method group")
                            .in(CodeSets.ADMISSION_METHOD),
                    required("admission_date", DATE, "Admission date"),
                    optional("discharge_date", DATE, "Discharge date; empty = still in hospital"),
                    optional("discharge_ready_date", DATE, "Date clinically ready for discharge"),
                    required("primary_diagnosis", STRING, "Primary diagnosis, ICD-10")
                            .in(CodeSets.ICD10),
                    optional("secondary_diagnoses", STRING, "Secondary diagnoses, ICD-10, separated by ';'"),
                    optional("primary_procedure", STRING, "Primary procedure, OPCS-4")
                            .in(CodeSets.OPCS4),
                    required("treatment_function", STRING, "Treatment function code"),
                    required("cost_gbp", DOUBLE, "Spell cost in pounds").in(CodeSets.NON_NEGATIVE),
                    optional("discharge_destination", STRING, "Discharge destination code")),
            List.of("spell_id"),
            true);

    public static final Table DETENTION = new Table(
            "detention",
            TableKind.PATIENT_LEVEL,
            "A detention under the Mental Health Act",
            List.of(
                    personId(),
                    required("start_date", DATE, "Start of detention"),
                    required("section", STRING, "Section of the Act, e.g. 2, 3, 136"),
                    optional("end_date", DATE, "End of detention")),
            List.of(PERSON_ID, "start_date", "section"),
            true);

    public static final Table WAITING_ENTRY = new Table(
            "waiting_entry",
            TableKind.PATIENT_LEVEL,
            "A person waiting for a service at a snapshot date",
            List.of(
                    required("snapshot_date", DATE, "Snapshot date"),
                    required("provider_code", STRING, "Provider"),
                    required("service", STRING, "Service"),
                    personId(),
                    required("wait_start_date", DATE, "Date the wait started")),
            // A person may wait on two referrals to one service: the start of the wait tells them apart.
            List.of("snapshot_date", "provider_code", "service", PERSON_ID, "wait_start_date"),
            false);

    // ---- aggregate feeds ----------------------------------------------------------------------------

    public static final Table POPULATION_PROJECTION = new Table(
            "population_projection",
            TableKind.AGGREGATE,
            "Projected resident population (ONS SNPP-style) by local authority, year, sex and age band",
            List.of(
                    required("area_code", STRING, "Local authority code").in(CodeSets.PLACE),
                    required("year", INTEGER, "Calendar year (mid-year)"),
                    required("sex", STRING, "Sex").in(CodeSets.SEX_FM),
                    required("age_band", STRING, "Five-year age band").in(CodeSets.AGE_BAND),
                    required("population", DOUBLE, "Projected residents").in(CodeSets.NON_NEGATIVE)),
            List.of("area_code", "year", "sex", "age_band"),
            true);

    public static final Table PERFORMANCE_METRIC = new Table(
            "performance_metric",
            TableKind.AGGREGATE,
            "A monthly performance metric for an organisation or area, with its benchmarks",
            List.of(
                    required("metric_id", STRING, "Metric identifier"),
                    required("name", STRING, "Metric name"),
                    required("unit", STRING, "Unit, e.g. %, count, days"),
                    required("polarity", STRING, "Which direction is better").in(CodeSets.POLARITY),
                    required("org_code", STRING, "Organisation or area"),
                    required("month", MONTH, "Month (yyyy-mm)").in(CodeSets.MONTH),
                    required("value", DOUBLE, "Value"),
                    optional("threshold", DOUBLE, "Threshold / plan"),
                    optional("target", DOUBLE, "Target"),
                    optional("regional_value", DOUBLE, "Regional value"),
                    optional("national_value", DOUBLE, "National value"),
                    optional("regional_rank", INTEGER, "Rank in region"),
                    optional("national_rank", INTEGER, "Rank in England")),
            List.of("metric_id", "org_code", "month"),
            false);

    public static final Table WAITING_LIST = new Table(
            "waiting_list",
            TableKind.AGGREGATE,
            "Waiting list return by provider, service and month",
            List.of(
                    required("provider_code", STRING, "Provider"),
                    required("service", STRING, "Service"),
                    required("month", MONTH, "Month (yyyy-mm)").in(CodeSets.MONTH),
                    required("waiting_total", INTEGER, "People waiting").in(CodeSets.NON_NEGATIVE),
                    required("waiting_18w_plus", INTEGER, "People waiting 18 weeks or more")
                            .in(CodeSets.NON_NEGATIVE),
                    optional("mean_wait_weeks", DOUBLE, "Mean wait in weeks").in(CodeSets.NON_NEGATIVE)),
            List.of("provider_code", "service", "month"),
            false);

    public static final Table WORKFORCE = new Table(
            "workforce",
            TableKind.AGGREGATE,
            "A staff member (pseudonymised ESR record)",
            List.of(
                    required("staff_id", STRING, "Pseudonymised staff identifier"),
                    required("organisation", STRING, "Employing organisation"),
                    required("org_unit", STRING, "Organisational unit"),
                    required("service_area", STRING, "community / mental health / children"),
                    required("staff_group", STRING, "Staff group"),
                    optional("afc_band", STRING, "Agenda for Change band"),
                    required("age_band", STRING, "Age band"),
                    required("sex", STRING, "Sex").in(CodeSets.SEX),
                    optional("ethnic_group", STRING, "Ethnic group"),
                    required("fte", DOUBLE, "Full-time equivalent").in(new Domain.Range(0, 2)),
                    required("start_date", DATE, "Start date"),
                    optional("leave_date", DATE, "Leave date")),
            List.of("staff_id"),
            false);

    public static final Table VACANCY = new Table(
            "vacancy",
            TableKind.AGGREGATE,
            "Establishment and vacancies by organisation, staff group and month",
            List.of(
                    required("organisation", STRING, "Organisation"),
                    required("staff_group", STRING, "Staff group"),
                    required("month", MONTH, "Month (yyyy-mm)").in(CodeSets.MONTH),
                    required("establishment_wte", DOUBLE, "Funded establishment, WTE")
                            .in(CodeSets.NON_NEGATIVE),
                    required("vacant_wte", DOUBLE, "Vacant WTE").in(CodeSets.NON_NEGATIVE)),
            List.of("organisation", "staff_group", "month"),
            false);

    public static final Table FINANCE_SPEND = new Table(
            "finance_spend",
            TableKind.AGGREGATE,
            "Spend by financial year, provider and service category",
            List.of(
                    required("year", STRING, "Financial year").in(CodeSets.FINANCIAL_YEAR),
                    required("provider", STRING, "Provider"),
                    required("category", STRING, "Service category (community, mental health, ...)"),
                    required("spend_gbp", DOUBLE, "Spend in pounds")),
            List.of("year", "provider", "category"),
            false);

    public static final Table ALLOCATION = new Table(
            "allocation",
            TableKind.AGGREGATE,
            "Allocation, target and needs indices by financial year and commissioner",
            List.of(
                    required("year", STRING, "Financial year").in(CodeSets.FINANCIAL_YEAR),
                    required("commissioner", STRING, "Commissioner"),
                    required("allocation_gbp", DOUBLE, "Allocation in pounds"),
                    optional("target_gbp", DOUBLE, "Target allocation in pounds"),
                    optional("surplus_deficit_gbp", DOUBLE, "Surplus (+) or deficit (-) in pounds"),
                    optional("registered_population", BIGINT, "Registered population"),
                    optional("needs_index_gna", DOUBLE, "Needs index, general and acute (England = 100)"),
                    optional("needs_index_community", DOUBLE, "Needs index, community (England = 100)"),
                    optional("needs_index_mh", DOUBLE, "Needs index, mental health (England = 100)")),
            List.of("year", "commissioner"),
            false);

    public static final Table FEEDBACK = new Table(
            "feedback",
            TableKind.AGGREGATE,
            "A complaint, concern, enquiry, compliment or information request",
            List.of(
                    required("feedback_id", STRING, "Identifier"),
                    required("type", STRING, "Type").in(CodeSets.FEEDBACK_TYPE),
                    required("received_date", DATE, "Date received"),
                    optional("theme", STRING, "Theme (KO41 subject)"),
                    optional("service_type", STRING, "Service type"),
                    optional("provider", STRING, "Provider"),
                    optional("keywords", STRING, "Keywords"),
                    optional("summary", STRING, "Summary")),
            List.of("feedback_id"),
            false);

    public static final Table INCIDENT = new Table(
            "incident",
            TableKind.AGGREGATE,
            "Patient safety incidents by provider, year and category",
            List.of(
                    required("provider", STRING, "Provider"),
                    required("year", STRING, "Financial year").in(CodeSets.FINANCIAL_YEAR),
                    required("category", STRING, "Incident category / PSIRF theme"),
                    required("count", INTEGER, "Incidents").in(CodeSets.NON_NEGATIVE)),
            List.of("provider", "year", "category"),
            false);

    public static final Table PROVIDER_REGISTER = new Table(
            "provider_register",
            TableKind.AGGREGATE,
            "Providers with their CQC rating and contract",
            List.of(
                    required("provider", STRING, "Provider"),
                    optional("cqc_rating", STRING, "CQC overall rating"),
                    optional("rating_date", DATE, "Date of the rating"),
                    optional("contract_expiry", DATE, "Contract expiry"),
                    optional("contract_type", STRING, "Contract type"),
                    optional("places", STRING, "Places served, ';'-separated"),
                    optional("services", STRING, "Service lines, ';'-separated")),
            List.of("provider"),
            false);

    public static final Table SERVICE_PROVISION = new Table(
            "service_provision",
            TableKind.AGGREGATE,
            "Which provider delivers which service line in which Place (CfC Parts B and C)",
            List.of(
                    required("service_line", STRING, "Service line"),
                    required("place_code", STRING, "Place").in(CodeSets.PLACE),
                    required("provider", STRING, "Provider"),
                    optional("setting", STRING, "Care setting")),
            List.of("service_line", "place_code", "provider"),
            false);

    public static final Table RISK_REGISTER = new Table(
            "risk_register",
            TableKind.AGGREGATE,
            "The ICB's Board Assurance Framework: strategic risks the board maintains, each scored likelihood x "
                    + "consequence on the NHS 5 x 5 matrix now and at its target (DP 6.7)",
            List.of(
                    required("risk_ref", STRING, "Risk reference, e.g. BAF0001"),
                    required("title", STRING, "Risk title"),
                    optional("theme", STRING, "Strategic theme or objective the risk threatens"),
                    optional("lead", STRING, "Executive lead"),
                    required("likelihood", INTEGER, "Current likelihood, 1-5").in(CodeSets.RISK_RATING),
                    required("consequence", INTEGER, "Current consequence, 1-5").in(CodeSets.RISK_RATING),
                    optional("target_likelihood", INTEGER, "Target likelihood, 1-5")
                            .in(CodeSets.RISK_RATING),
                    optional("target_consequence", INTEGER, "Target consequence, 1-5")
                            .in(CodeSets.RISK_RATING),
                    optional("reviewed", DATE, "Date the board last reviewed the risk")),
            List.of("risk_ref"),
            false);

    /** Every canonical table, in load order (reference first, so patient rows can be checked against it). */
    public static final List<Table> TABLES = List.of(
            PRACTICE,
            LSOA,
            ENGLAND_COMPARATOR,
            PATIENT,
            REGISTRATION,
            CONDITION,
            OBSERVATION,
            REFERRAL,
            SPELL,
            DETENTION,
            WAITING_ENTRY,
            POPULATION_PROJECTION,
            PERFORMANCE_METRIC,
            WAITING_LIST,
            WORKFORCE,
            VACANCY,
            FINANCE_SPEND,
            ALLOCATION,
            FEEDBACK,
            INCIDENT,
            PROVIDER_REGISTER,
            SERVICE_PROVISION,
            RISK_REGISTER);

    public static Optional<Table> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
