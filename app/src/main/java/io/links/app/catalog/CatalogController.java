package io.links.app.catalog;

import io.links.api.catalog.CoverageView;
import io.links.api.catalog.NewCoverage;
import io.links.api.catalog.NewPlan;
import io.links.api.catalog.NewSim;
import io.links.api.catalog.PlanView;
import io.links.api.catalog.SimView;
import io.links.api.error.LinksException;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.command.catalog.CatalogStore;
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
 * The organisation's catalog: any key reads it, admin keys change it.
 */
@RestController
class CatalogController {

    private final CatalogStore catalog;

    CatalogController(CatalogStore catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/sims")
    @ResponseStatus(HttpStatus.CREATED)
    SimView createSim(@RequestBody NewSim body) {
        return catalog.createSim(RequestContext.adminOrganisationId(), body);
    }

    @GetMapping("/sims")
    Page<SimView> sims(@RequestParam MultiValueMap<String, String> params) {
        return catalog.listSims(RequestContext.organisationId(), page(params, CatalogStore.simSorts()));
    }

    @GetMapping("/sims/{id}")
    SimView sim(@PathVariable String id) {
        return catalog.findSim(RequestContext.organisationId(), id)
                .orElseThrow(() -> LinksException.notFound("SIM", id));
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView createPlan(@RequestBody NewPlan body) {
        return catalog.createPlan(RequestContext.adminOrganisationId(), body);
    }

    @GetMapping("/plans")
    Page<PlanView> plans(@RequestParam MultiValueMap<String, String> params) {
        return catalog.listPlans(RequestContext.organisationId(), page(params, CatalogStore.planSorts()));
    }

    @GetMapping("/plans/{id}")
    PlanView plan(@PathVariable String id) {
        return catalog.findPlan(RequestContext.organisationId(), id)
                .orElseThrow(() -> LinksException.notFound("plan", id));
    }

    @DeleteMapping("/plans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePlan(@PathVariable String id) {
        catalog.deletePlan(RequestContext.adminOrganisationId(), id);
    }

    @PostMapping("/coverages")
    @ResponseStatus(HttpStatus.CREATED)
    CoverageView createCoverage(@RequestBody NewCoverage body) {
        return catalog.createCoverage(RequestContext.adminOrganisationId(), body);
    }

    @GetMapping("/coverages")
    Page<CoverageView> coverages(@RequestParam MultiValueMap<String, String> params) {
        return catalog.listCoverages(RequestContext.organisationId(), page(params, CatalogStore.coverageSorts()));
    }

    @GetMapping("/coverages/{id}")
    CoverageView coverage(@PathVariable String id) {
        return catalog.findCoverage(RequestContext.organisationId(), id)
                .orElseThrow(() -> LinksException.notFound("coverage", id));
    }

    @DeleteMapping("/coverages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCoverage(@PathVariable String id) {
        catalog.deleteCoverage(RequestContext.adminOrganisationId(), id);
    }

    private static PageRequest page(MultiValueMap<String, String> params, List<String> sorts) {
        QueryParams query = QueryParams.of(params, List.of());
        PageRequest page = query.page(sorts);
        query.check();
        return page;
    }
}
