package org.openphm.publish.results;

/** A geography that has results: England, the ICB, a Place, a neighbourhood, a PCN or a practice. */
public record Area(String code, String name, String type, String parentCode) {}
