package org.openphm.synth.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openphm.synth.population.DrawnPerson.Observation;

/**
 * Blood pressure of people on the hypertension register: a person-level usual systolic pressure (how well
 * their hypertension is treated) plus reading-to-reading noise, about one reading a year. Control (last BP
 * at or below 140/90, 150/90 from age 80) comes out at about two thirds overall and lower for Black
 * patients (DP 4.3: 66% and 58%) through the fitted mean and Black excess.
 */
final class BloodPressure {
    private BloodPressure() {}

    static List<Observation> readings(
            double ageAtReference,
            boolean black,
            double deprivation,
            double fromT,
            double toT,
            FittedParams params,
            SplittableRandom r) {
        double usual = params.bpSystolicMean
                + (black ? params.bpBlackExtra : 0)
                + 2 * deprivation
                + 8 * Distributions.normal(r);
        List<Observation> out = new ArrayList<>();
        java.time.LocalDate previous = null;
        for (int fy = 2019; fy <= 2025; fy++) {
            double t = PopulationFlow.years(java.time.LocalDate.of(fy, 4, 1)) + r.nextDouble();
            if (t < fromT || t > toT || r.nextDouble() > 0.85) {
                continue;
            }
            // readings either side of a year boundary can round to one day; a record system keeps one reading
            // of a code per day, which is the observation table's key
            if (PopulationFlow.date(t).equals(previous)) {
                continue;
            }
            previous = PopulationFlow.date(t);
            double age = ageAtReference + t;
            double sys = usual + 9 * Distributions.normal(r);
            double dia = 80 + 0.4 * (sys - 135) - 0.25 * (age - 60) + 6 * Distributions.normal(r);
            out.add(new Observation("BP_SYS", Math.round(sys), PopulationFlow.date(t)));
            out.add(new Observation("BP_DIA", Math.round(Math.max(40, dia)), PopulationFlow.date(t)));
        }
        return out;
    }
}
