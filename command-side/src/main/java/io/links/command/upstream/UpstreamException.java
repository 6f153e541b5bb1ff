package io.links.command.upstream;

import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;

/**
 * The provider's platform refused a call, failed, or did not answer in time. Answered as 502 {@code upstream_error}.
 */
public class UpstreamException extends LinksException {

    public UpstreamException(String message) {
        super(ErrorCode.UPSTREAM_ERROR, message);
    }
}
