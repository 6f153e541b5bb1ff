package io.links.app.tenancy;

import io.links.api.error.LinksException;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.api.tenancy.ApiKeyView;
import io.links.api.tenancy.Role;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.command.tenancy.TenancyStore;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * An organisation's API keys, managed with its admin keys.
 */
@RestController
class ApiKeyController {

    private final TenancyStore tenancy;

    ApiKeyController(TenancyStore tenancy) {
        this.tenancy = tenancy;
    }

    record NewApiKey(Role role) {
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView create(@RequestBody NewApiKey body) {
        String organisationId = RequestContext.adminOrganisationId();
        if (body.role() == null) {
            throw LinksException.invalidField("role", "is required: member or admin");
        }
        return tenancy.createKey(organisationId, body.role());
    }

    @GetMapping("/api-keys")
    Page<ApiKeyView> list(@RequestParam MultiValueMap<String, String> params) {
        String organisationId = RequestContext.adminOrganisationId();
        QueryParams query = QueryParams.of(params, List.of());
        PageRequest page = query.page(List.of());
        query.check();
        List<ApiKeyView> keys = tenancy.listKeys(organisationId);
        List<ApiKeyView> items = keys.stream().skip(page.offset()).limit(page.pageSize()).toList();
        return Page.of(items, keys.size(), page);
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        tenancy.deleteKey(RequestContext.adminOrganisationId(), id);
    }
}
