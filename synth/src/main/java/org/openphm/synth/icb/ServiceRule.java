package org.openphm.synth.icb;

/**
 * Which referrals a rule of a synthetic ICB applies to: any of its conditions left out matches everything.
 *
 * @param dataset       CSDS or MHSDS
 * @param service       the service's exact name in the referral catalogue
 * @param servicePrefix the start of the service's name, for a family of services
 * @param underAge      only people younger than this at referral
 */
public record ServiceRule(String dataset, String service, String servicePrefix, Integer underAge) {

    public boolean matches(String serviceDataset, String serviceName, int age) {
        return (dataset == null || dataset.equals(serviceDataset))
                && (service == null || service.equals(serviceName))
                && (servicePrefix == null || serviceName.startsWith(servicePrefix))
                && (underAge == null || age < underAge);
    }
}
