package io.links.app.link;

import io.links.api.link.LinkView;
import io.links.app.LinksProperties;
import io.links.query.link.LinkQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a write on a link from the read model, once the read model holds the write's own change.
 */
@Component
class LinkAnswers {

    private final LinkQueries queries;
    private final LinksProperties properties;

    LinkAnswers(LinkQueries queries, LinksProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /**
     * The link as the read model shows it once it holds event {@code version}. When the bound passes first, the
     * change is recorded all the same: the answer is then 202 with where to read it.
     */
    ResponseEntity<?> link(HttpStatus status, String organisationId, String linkId, long version) {
        URI location = URI.create("/links/" + linkId);
        Optional<LinkView> link = queries.awaitVersion(organisationId, linkId, version,
                properties.readYourWritesTimeout());
        if (link.isEmpty()) {
            return ResponseEntity.accepted().location(location).body(Map.of("id", linkId, "version", version + 1));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == HttpStatus.CREATED) {
            answer.location(location);
        }
        return answer.body(link.get());
    }

    /** Waits, within the bound, until the read model holds event {@code version} of the link. */
    boolean reached(String organisationId, String linkId, long version) {
        return queries.awaitVersion(organisationId, linkId, version, properties.readYourWritesTimeout())
                .isPresent();
    }
}
