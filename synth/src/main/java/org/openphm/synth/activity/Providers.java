package org.openphm.synth.activity;

/**
 * Community and mental health providers by Place and service (ODS codes: SOURCES.md). ELFT provides
 * community and mental health services in Bedfordshire and Luton, CNWL in Milton Keynes (CfC Parts B and C);
 * CCS provides adult nutrition and dietetics outside MK (DP 7.7) and autism assessment for under-12s in
 * Bedfordshire and Luton (CfC, MH provision table).
 */
final class Providers {
    private Providers() {}

    static final String ELFT = "RWK";
    static final String CNWL = "RV3";
    static final String CCS = "RYV";

    static String community(Place place, ReferralService service, int age) {
        if (place == Place.MILTON_KEYNES) {
            return CNWL;
        }
        if ("CSDS".equals(service.dataset())) {
            return service.name().startsWith("Nutrition and Dietetics") ? CCS : ELFT;
        }
        return service.name().equals("Autism Service") && age < 12 ? CCS : ELFT;
    }

    /**
     * Mean wait in days from referral to first contact. Most services use the catalogue's value; the teams with
     * the longest 18-week waits in DP 7.7 and 7.8 wait longer, set so that the monthly count of people waiting
     * 18+ weeks is of the DP's size (flow × mean wait × e^(−126/mean wait) for an exponential wait).
     */
    static double meanWaitDays(String provider, ReferralService service, int age) {
        String name = service.name();
        if (provider.equals(ELFT)) {
            switch (name) {
                case "Podiatry Service":
                    return 163; // Adult Podiatry Circle: 937 (Apr-25)
                case "Speech and Language Therapy Service":
                    return 112; // 288
                case "Wheelchair Service":
                    return 112; // 110
                default:
                    break;
            }
        }
        if (provider.equals(CCS) && name.startsWith("Nutrition and Dietetics")) {
            return 112; // Luton + Central Beds + Bedford: 139 (Apr-25)
        }
        if (provider.equals(CNWL)) {
            switch (name) {
                case "Speech and Language Therapy Service":
                    return 57; // 25
                case "Podiatry Service":
                    return 45; // 34
                case "Memory Services/Clinic/Drop in service":
                    return 53; // Specialist Memory Services: 20
                case "Neurodevelopment Team":
                    return age < 18 ? 1600 : service.meanWaitDays(); // CAMHS ADHD 223
                default:
                    break;
            }
        }
        return service.meanWaitDays();
    }
}
