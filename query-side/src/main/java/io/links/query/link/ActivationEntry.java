package io.links.query.link;

import io.links.api.link.Usage;

/**
 * What a link's document keeps of each of its activations: enough for its plan and coverage filters and its usage
 * sum, so that neither needs a query over the activations.
 *
 * @param id         the activation
 * @param planId     its plan
 * @param coverageId its plan's coverage
 * @param active     whether it is still active
 * @param usage      its traffic so far
 */
public record ActivationEntry(String id, String planId, String coverageId, boolean active, Usage usage) {

    ActivationEntry ended() {
        return new ActivationEntry(id, planId, coverageId, false, usage);
    }

    ActivationEntry withUsage(Usage counted) {
        return new ActivationEntry(id, planId, coverageId, active, counted);
    }
}
