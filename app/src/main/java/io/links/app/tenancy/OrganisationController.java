package io.links.app.tenancy;

import io.links.api.error.LinksException;
import io.links.api.tenancy.OrganisationView;
import io.links.app.web.RequestContext;
import io.links.command.tenancy.TenancyStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations, created by the platform operator.
 */
@RestController
class OrganisationController {

    private final TenancyStore tenancy;

    OrganisationController(TenancyStore tenancy) {
        this.tenancy = tenancy;
    }

    record NewOrganisation(String name) {
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationView create(@RequestBody NewOrganisation body) {
        RequestContext.requireOperator();
        if (body.name() == null || body.name().isBlank()) {
            throw LinksException.invalidField("name", "is required");
        }
        if (body.name().strip().length() > 200) {
            throw LinksException.invalidField("name", "must be at most 200 characters");
        }
        return tenancy.createOrganisation(body.name().strip());
    }
}
