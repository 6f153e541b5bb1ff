package io.links.api.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A SIM of an organisation's catalog.
 *
 * @param id                 its id
 * @param iccid              its ICCID
 * @param msisdn             its MSISDN in E.164 digits, or null
 * @param imei               the IMEI of the device it was last observed in, or null
 * @param type               physical or eSIM
 * @param compatibilityZones the zones it can operate in
 * @param countries          the ISO alpha-3 countries it covers
 * @param provider           the connectivity provider it belongs to
 * @param linkId             the link it is bound to, or null when free
 * @param createdAt          when it was added
 */
public record SimView(String id, String iccid, String msisdn, String imei, SimType type,
                      List<String> compatibilityZones, List<String> countries, String provider, String linkId,
                      Instant createdAt) {
}
