package org.openphm.synth.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A community (CSDS) or mental health (MHSDS) service as DP 4.7 / 4.9 lists it, with the published 2023/24
 * referrals and projected growth it is calibrated to, and our assumptions about who it serves
 * (resources/activity/referral_services.csv, sources in SOURCES.md).
 *
 * @param femaleRateRatio rate for women relative to men; {@code NaN} for services for women only
 * @param register        register whose patients are referred more often, or null
 */
record ReferralService(String dataset, String name, double referrals2023, double growth2033, double growth2043,
                       int minAge, int maxAge, double femaleRateRatio, String register, double registerRateRatio,
                       double meanWaitDays, double meanEpisodeDays) {

    boolean womenOnly() { return Double.isNaN(femaleRateRatio); }

    double sexRatio(boolean female) {
        if (womenOnly()) {
            return female ? 1 : 0;
        }
        return female ? femaleRateRatio : 1;
    }

    static List<ReferralService> load() {
        List<ReferralService> services = new ArrayList<>();
        try (InputStream in = ReferralService.class.getResourceAsStream("/activity/referral_services.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                services.add(new ReferralService(f[0], f[1], Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]) / 100, Double.parseDouble(f[4]) / 100,
                        Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                        f[7].equals("F") ? Double.NaN : Double.parseDouble(f[7]),
                        f[8].isEmpty() ? null : f[8], f[9].isEmpty() ? 1 : Double.parseDouble(f[9]),
                        Double.parseDouble(f[10]), Double.parseDouble(f[11])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services;
    }
}
