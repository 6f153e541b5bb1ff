package io.links.api.link;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Change a link's local fields: its name when {@code renaming}, its metadata when {@code replacingMeta}.
 *
 * @param linkId         the link
 * @param organisationId the organisation of the caller
 * @param name           the new name, possibly null to clear it
 * @param renaming       whether the name is to change
 * @param meta           the new metadata, replacing the old whole
 * @param replacingMeta  whether the metadata is to change
 */
public record UpdateLink(@TargetAggregateIdentifier String linkId, String organisationId, String name, boolean renaming,
                         Map<String, Object> meta, boolean replacingMeta) {
}
