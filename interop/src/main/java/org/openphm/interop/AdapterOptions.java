package org.openphm.interop;

import java.nio.file.Path;

/**
 * How to translate a standard-format source.
 *
 * @param source          the OMOP CDM folder or the FHIR Bulk Data export folder
 * @param geography       the ICB's reference files in the canonical layout (practice, lsoa, population_projection…)
 * @param defaultPractice the practice to register a person with when the source names no practice of the
 *                        geography (US data, an SDE without care sites); null = such people are not registered
 * @param registerMap     the SNOMED CT register map to use; null = the shipped, reviewed one
 */
public record AdapterOptions(Path source, Path geography, String defaultPractice, Path registerMap) {}
