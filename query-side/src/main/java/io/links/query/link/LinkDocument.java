package io.links.query.link;

import io.links.api.link.LinkStatus;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A link in the read model, with the derived fields its filters and sorts use.
 *
 * @param id                 the link's id
 * @param organisationId     its organisation
 * @param name               its name, or null
 * @param nameKey            the name in lower case, for sorting
 * @param searchText         name, id and ICCID in lower case, for case-insensitive search without collation
 * @param status             its lifecycle status
 * @param sim                its SIM, or null
 * @param simType            the SIM's type value, or null
 * @param simCountries       the SIM's countries
 * @param compatibilityZones its zones
 * @param activePlanIds      plans with an active activation
 * @param activeCoverageIds  coverages of those plans
 * @param activations        every activation of the link, ended ones included, with its plan and traffic
 * @param usage              traffic summed over its activations
 * @param usageTotal         {@code usage.bytesTotal}, for sorting
 * @param networkStatus      last network status
 * @param barredNetworkTypes barred radio technologies
 * @param imeiLock           the IMEI it is locked to, or null
 * @param metaJson           the customer's metadata as JSON text, kept as text because its keys may hold dots
 * @param version            the sequence number of the last event applied
 * @param createdAt          when it was created
 * @param updatedAt          when it last changed
 */
@Document(LinkDocument.COLLECTION)
public record LinkDocument(@Id String id, String organisationId, String name, String nameKey, String searchText,
                           LinkStatus status, SimSnapshot sim, String simType, List<String> simCountries,
                           List<String> compatibilityZones, List<String> activePlanIds,
                           List<String> activeCoverageIds, List<ActivationEntry> activations, Usage usage,
                           long usageTotal, NetworkStatus networkStatus, List<NetworkType> barredNetworkTypes,
                           String imeiLock, String metaJson, long version, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "links";
}
