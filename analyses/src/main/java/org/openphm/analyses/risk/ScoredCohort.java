package org.openphm.analyses.risk;

import java.util.List;

/**
 * A cohort scored by fitted models as it was read ({@link RiskData#scored}): each model's probabilities in person
 * order, and the people, but not the features. Validation needs no more, and a whole ICB's feature matrix (45
 * numbers a person: 1.2 GB of Java heap at 3.2 million people) is never held.
 */
public record ScoredCohort(RiskPeople people, List<double[]> risks, int cohortSize) {
    /** Whether these are a sample of the cohort rather than all of it. */
    public boolean sampled() {
        return cohortSize > people.size();
    }
}
