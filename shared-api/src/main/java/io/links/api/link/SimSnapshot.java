package io.links.api.link;

import io.links.api.catalog.SimType;

import java.util.List;

/**
 * The SIM as it was in the catalog when it was bound to a link. Events carry it whole, so that read models and
 * replays never depend on the catalog's later state.
 *
 * @param id                 the SIM's catalog id
 * @param iccid              the SIM's ICCID
 * @param msisdn             its MSISDN in E.164 digits, or null
 * @param imei               the IMEI of the device it was last observed in, or null
 * @param type               physical or eSIM
 * @param provider           the connectivity provider the SIM belongs to
 * @param compatibilityZones the zones the SIM can operate in
 * @param countries          the ISO alpha-3 countries the SIM covers
 */
public record SimSnapshot(String id, String iccid, String msisdn, String imei, SimType type, String provider,
                          List<String> compatibilityZones, List<String> countries) {
}
