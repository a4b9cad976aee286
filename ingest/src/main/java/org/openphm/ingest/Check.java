package org.openphm.ingest;

/**
 * One validation rule rendered as SQL over a staging row ({@code s}): the row fails when {@code failWhen}
 * is true, and is quarantined with this field, the value shown ({@code valueSql}) and the reason (an SQL expression). Reasons
 * carry no values, so the quarantine summary can group by them.
 */
record Check(String field, String failWhen, String valueSql, String reasonSql) {}
