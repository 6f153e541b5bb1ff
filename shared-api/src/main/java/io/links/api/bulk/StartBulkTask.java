package io.links.api.bulk;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Start a bulk task over {@code linkIds}, checked and de-duplicated already by the caller.
 *
 * @param taskId         the new task's id
 * @param organisationId the organisation of the caller
 * @param operation      what to do to each link
 * @param planId         the plan of a plan operation, else null
 * @param linkIds        the links, in the order their items are numbered
 */
public record StartBulkTask(@TargetAggregateIdentifier String taskId, String organisationId, BulkOperation operation,
                            String planId, List<String> linkIds) {
}
