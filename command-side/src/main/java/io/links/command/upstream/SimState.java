package io.links.command.upstream;

import io.links.api.link.NetworkType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the platform knows about one SIM at one moment; later calls do not change it.
 *
 * @param status      where the SIM is in the platform's lifecycle
 * @param activations the active activations, by activation id, with their plan id, in the order they started
 * @param barredTypes the radio technologies barred on the SIM
 * @param imeiLock    the IMEI the SIM is locked to, or null
 * @param sms         the SMS sent to the SIM, oldest first
 */
public record SimState(Status status, Map<String, String> activations, Set<NetworkType> barredTypes,
                       String imeiLock, List<Sms> sms) {

    public SimState {
        activations = Collections.unmodifiableMap(new LinkedHashMap<>(activations));
        EnumSet<NetworkType> barred = EnumSet.noneOf(NetworkType.class);
        barred.addAll(barredTypes);
        barredTypes = Collections.unmodifiableSet(barred);
        sms = List.copyOf(sms);
    }

    /** The ids of the active activations, in the order they started. */
    public Set<String> activationIds() {
        return activations.keySet();
    }

    /** Where a SIM is in the platform's lifecycle. */
    public enum Status {
        ACTIVE,
        SUSPENDED,
        RELEASED
    }

    /**
     * An SMS the platform accepted for a SIM.
     *
     * @param id      the platform's id of the message
     * @param message its text
     */
    public record Sms(String id, String message) {
    }
}
