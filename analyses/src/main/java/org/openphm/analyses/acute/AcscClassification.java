package org.openphm.analyses.acute;

import static org.openphm.engine.query.Expr.*;

import java.util.ArrayList;
import java.util.List;
import org.openphm.engine.query.Expr;

/**
 * The CCG OIS 2.6 list as engine expressions over a spell's primary_diagnosis, secondary_diagnoses and
 * primary_procedure, so that classifying a million spells happens in the engine. Codes are matched as HES
 * holds them: the first four characters of the primary diagnosis with any dot removed, and a 3-character code
 * read as its 'X' filler ("I10" = "I10X"), because the canonical model accepts both "I50.0" and "I500".
 *
 * <p>The canonical spell carries the primary procedure only, so "any of the 24 procedure fields" can only be
 * applied to it: a spell whose excluding procedure was recorded in a secondary position is counted (a caveat
 * of every ACSC analysis).
 */
public final class AcscClassification {

    private final AcscCodeList list;

    public AcscClassification(AcscCodeList list) {
        this.list = list;
    }

    public static AcscClassification ccgOis26() {
        return new AcscClassification(AcscCodeList.ccgOis26());
    }

    public AcscCodeList list() {
        return list;
    }

    /** The condition name (e.g. "Hypertension") of a spell that counts, else NULL. Emergency filter not included. */
    public Expr condition() {
        Case.Builder c = null;
        for (AcscCodeList.Condition condition : list.conditions()) {
            for (AcscCodeList.CodeRule rule : condition.rules()) {
                Expr when = matches(rule);
                c = c == null ? Expr.when(when, lit(condition.name())) : c.when(when, lit(condition.name()));
            }
        }
        return c.end();
    }

    /** The group of a condition name from {@link #condition()}, else NULL. */
    public Expr group(Expr condition) {
        Case.Builder c = null;
        for (String group : list.groups()) {
            List<String> names = list.conditions().stream()
                    .filter(x -> x.group().equals(group))
                    .map(AcscCodeList.Condition::name)
                    .toList();
            c = c == null ? Expr.when(in(condition, names), lit(group)) : c.when(in(condition, names), lit(group));
        }
        return c.end();
    }

    private Expr matches(AcscCodeList.CodeRule rule) {
        List<Expr> code = new ArrayList<>();
        if (!rule.prefix3().isEmpty()) {
            code.add(in(primary3(), rule.prefix3()));
        }
        if (!rule.exact4().isEmpty()) {
            code.add(in(primary4(), rule.exact4()));
        }
        List<Expr> terms = new ArrayList<>();
        terms.add(code.size() == 1 ? code.get(0) : or(code.toArray(Expr[]::new)));
        if (rule.exclusion() != null) {
            terms.add(not(excluded(rule.exclusion())));
        }
        if (!rule.requiresAnyDiagnosis().isEmpty()) {
            terms.add(anyDiagnosis(rule.requiresAnyDiagnosis()));
        }
        return terms.size() == 1 ? terms.get(0) : and(terms.toArray(Expr[]::new));
    }

    /** Never NULL, so that NOT(excluded) is true for a spell with no procedure or no secondary diagnoses. */
    private static Expr excluded(AcscCodeList.Exclusion exclusion) {
        if (exclusion instanceof AcscCodeList.AnyDiagnosis d) {
            return anyDiagnosis(d.codes());
        }
        List<Expr> prefixes = exclusion.codes().stream()
                .map(c -> col("primary_procedure").startsWith(c))
                .toList();
        return coalesce(prefixes.size() == 1 ? prefixes.get(0) : or(prefixes.toArray(Expr[]::new)), lit(false));
    }

    /**
     * Any diagnosis position starts with one of the 3-character codes. Secondary diagnoses are a ';'-separated
     * list; a code's letter can only start a code (the rest are digits, a dot or an X filler), so containment
     * of e.g. "D57" in the list is a code starting with D57. Never NULL.
     */
    static Expr anyDiagnosis(List<String> codes) {
        List<Expr> terms = new ArrayList<>();
        terms.add(in(primary3(), codes));
        for (String c : codes) {
            terms.add(coalesce(col("secondary_diagnoses").like("%" + c + "%"), lit(false)));
        }
        return coalesce(or(terms.toArray(Expr[]::new)), lit(false));
    }

    static Expr primary3() {
        return new Substr(col("primary_diagnosis"), 1, 3);
    }

    /** HES-style 4-character code: "I50.0" -> "I500", "I10" -> "I10X", "I500" -> "I500". */
    static Expr primary4() {
        Expr p = col("primary_diagnosis");
        Expr fourth = when(new Substr(p, 4, 1).eq("."), new Substr(p, 5, 1)).otherwise(new Substr(p, 4, 1));
        return concat(
                primary3(), when(coalesce(fourth, lit("")).eq(""), lit("X")).otherwise(fourth));
    }
}
