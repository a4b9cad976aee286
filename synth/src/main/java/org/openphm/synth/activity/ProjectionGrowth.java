package org.openphm.synth.activity;

/**
 * Growth of the registered population by 5-year age band from 2023/24 to 2033/34 and to 2043/44, as the
 * data pack projects it (DP 1.3, 2.2, 2.3): about +22% overall by 2043 (1.382m from 1.139m in 2025), 65+ about
 * +55%, 80+ roughly doubling, under-20s about +5-10%, 30-39 flat. The band values are our reading of those
 * headlines, not the people model's projection table: service age profiles are fitted to them so that
 * "2023/24 age/sex rates × projected population" gives the DP 4.7/4.9 growth.
 */
final class ProjectionGrowth {
    private ProjectionGrowth() {}

    static final double[] TO_2033_34 = {
        1.10, 1.09, 1.05, 1.12, 1.12, 1.09, 1.00, 0.99, 1.12, 1.19, 1.12, 1.06, 1.16, 1.30, 1.25, 1.22, 1.55, 1.45, 1.50
    };
    static final double[] TO_2043_44 = {
        1.17, 1.17, 1.13, 1.17, 1.19, 1.17, 1.05, 1.05, 1.15, 1.22, 1.27, 1.25, 1.22, 1.30, 1.45, 1.60, 1.85, 2.10, 2.40
    };

    static int band(int age) {
        return Math.min(age / 5, TO_2033_34.length - 1);
    }
}
