package io.links.api.catalog;

import java.util.List;

/**
 * A SIM to add to the catalog.
 *
 * @param iccid              its ICCID: digits with a Luhn check digit
 * @param msisdn             its MSISDN in E.164 digits, optional
 * @param imei               the IMEI it was last observed with, optional
 * @param type               physical or eSIM
 * @param compatibilityZones the zones it can operate in, at least one
 * @param countries          the ISO alpha-3 countries it covers
 * @param provider           the connectivity provider it belongs to
 */
public record NewSim(String iccid, String msisdn, String imei, SimType type, List<String> compatibilityZones,
                     List<String> countries, String provider) {
}
