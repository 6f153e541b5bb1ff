package io.links.command.upstream;

import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;

import java.util.Map;
import java.util.Set;

/**
 * The connectivity platform of the provider a SIM belongs to: every change of a link is told to it before the link
 * records the change. A call that the platform refuses, or that does not answer in time, throws
 * {@link UpstreamException} and the link stays as it was.
 *
 * <p>Every call but {@link #sendSms} is idempotent: repeating it with the same arguments leaves the platform as one
 * call would, so callers may retry them.
 */
public interface Upstream {

    /**
     * Takes the SIM into service for a link, in one step: whatever the platform knew of the SIM is replaced by
     * exactly these activations (by activation id) and barred types, active and unlocked. One call, so that a
     * refusal never leaves the SIM half set up.
     */
    void provision(SimSnapshot sim, Map<String, PlanSnapshot> activations, Set<NetworkType> barred);

    /** Starts the activation of {@code plan} on the SIM, known to the platform by {@code activationId}. */
    void activate(SimSnapshot sim, String activationId, PlanSnapshot plan);

    /** Ends the activation {@code activationId} on the SIM. */
    void deactivate(SimSnapshot sim, String activationId);

    /** Pauses all connectivity of the SIM. */
    void suspend(SimSnapshot sim);

    /** Restores the connectivity of a suspended SIM. */
    void resume(SimSnapshot sim);

    /** Bars the SIM from using the given radio technologies. */
    void bar(SimSnapshot sim, Set<NetworkType> types);

    /** Lifts the bar on the given radio technologies. */
    void unbar(SimSnapshot sim, Set<NetworkType> types);

    /** Lets the SIM work only in the device with {@code imei}. */
    void lockImei(SimSnapshot sim, String imei);

    /** Lets the SIM work in any device again. */
    void unlockImei(SimSnapshot sim);

    /** Sends an SMS to the SIM's MSISDN; answers the platform's id of the message. Not idempotent. */
    String sendSms(SimSnapshot sim, String message);

    /** Releases the SIM from the link on the platform: the link's service endpoint is gone. */
    void release(SimSnapshot sim);

    /**
     * Deletes the link's service endpoint on the platform, for good. The link holds no SIM by then (its SIM was
     * released when detached), so the endpoint is known by the link's id.
     */
    void deleteEndpoint(String linkId);

    /** The network status of the SIM's device as the platform sees it now. */
    NetworkStatus networkStatus(SimSnapshot sim);

    /** The traffic counted so far for the activation. */
    Usage usage(SimSnapshot sim, String activationId);
}
