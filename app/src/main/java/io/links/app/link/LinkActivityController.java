package io.links.app.link;

import io.links.api.error.ErrorCode;
import io.links.api.error.LinksException;
import io.links.api.link.ActivatePlan;
import io.links.api.link.ActivationResult;
import io.links.api.link.ActivationSource;
import io.links.api.link.ActivationStatus;
import io.links.api.link.ActivationView;
import io.links.api.link.RemoveActivation;
import io.links.api.link.SendSms;
import io.links.api.link.SmsResult;
import io.links.api.link.SmsStatus;
import io.links.api.link.SmsView;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.app.web.Commands;
import io.links.app.web.Problems;
import io.links.app.web.QueryParams;
import io.links.app.web.RequestContext;
import io.links.query.link.ActivityQueries;
import io.links.query.link.LinkQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What happens on a link over time: its plan activations and the SMS sent to its device.
 */
@RestController
class LinkActivityController {

    private final Commands commands;
    private final LinkQueries links;
    private final ActivityQueries activity;
    private final LinkAnswers answers;

    LinkActivityController(Commands commands, LinkQueries links, ActivityQueries activity, LinkAnswers answers) {
        this.commands = commands;
        this.links = links;
        this.activity = activity;
        this.answers = answers;
    }

    record NewActivation(String planId) {
    }

    record NewSms(String message) {
    }

    @GetMapping("/links/{id}/activations")
    Page<ActivationView> activations(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        String organisationId = RequestContext.organisationId();
        QueryParams query = QueryParams.of(params, List.of("status", "plan_id", "source"));
        PageRequest page = query.page(ActivityQueries.ACTIVATION_SORTS.keySet());
        List<ActivationStatus> statuses = query.all("status", ActivationStatus::fromValue,
                "must be one of pending, active, depleted, expired");
        if (statuses.contains(ActivationStatus.REMOVED)) {
            query.reject("status", "removed activations are never listed");
        }
        List<String> plans = query.all("plan_id");
        List<ActivationSource> sources = query.all("source", ActivationSource::fromValue,
                "must be manual or resubscription");
        query.check();
        links.get(organisationId, id);
        return activity.activations(organisationId, id, statuses, plans, sources, page);
    }

    @PostMapping("/links/{id}/activations")
    ResponseEntity<ActivationView> activate(@PathVariable String id, @RequestBody NewActivation body) {
        String organisationId = RequestContext.organisationId();
        if (body.planId() == null || body.planId().isBlank()) {
            throw LinksException.invalidField("plan_id", "is required");
        }
        ActivationResult result = commands.send(new ActivatePlan(id, organisationId, UUID.randomUUID().toString(),
                body.planId()));
        answers.reached(organisationId, id, result.version());
        return ResponseEntity.created(URI.create("/links/" + id + "/activations/" + result.activationId()))
                .body(activity.activation(organisationId, id, result.activationId()));
    }

    @GetMapping("/links/{id}/activations/{activationId}")
    ActivationView activation(@PathVariable String id, @PathVariable String activationId) {
        String organisationId = RequestContext.organisationId();
        links.get(organisationId, id);
        return activity.activation(organisationId, id, activationId);
    }

    @DeleteMapping("/links/{id}/activations/{activationId}")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String activationId) {
        String organisationId = RequestContext.organisationId();
        long version = commands.send(new RemoveActivation(id, organisationId, activationId));
        answers.reached(organisationId, id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/links/{id}/sms")
    Page<SmsView> sms(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
        String organisationId = RequestContext.organisationId();
        QueryParams query = QueryParams.of(params, List.of());
        PageRequest page = query.page(ActivityQueries.SMS_SORTS.keySet());
        query.check();
        links.get(organisationId, id);
        return activity.sms(organisationId, id, page);
    }

    /**
     * A sent SMS answers 201. A failed attempt is recorded all the same and answers 502 with the recorded attempt
     * in the problem's {@code sms} member.
     */
    @PostMapping("/links/{id}/sms")
    ResponseEntity<?> send(@PathVariable String id, @RequestBody NewSms body, HttpServletRequest request) {
        String organisationId = RequestContext.organisationId();
        if (body.message() == null) {
            throw LinksException.invalidField("message", "is required");
        }
        SmsResult result = commands.send(new SendSms(id, organisationId, UUID.randomUUID().toString(),
                body.message()));
        answers.reached(organisationId, id, result.version());
        SmsView sms = result.sms();
        if (sms.status() == SmsStatus.FAILED) {
            ProblemDetail problem = Problems.problem(ErrorCode.UPSTREAM_ERROR, "the provider did not send the SMS: "
                    + sms.failureReason(), List.of(), request.getRequestURI());
            problem.setProperty("sms", sms);
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.created(URI.create("/links/" + id + "/sms/" + sms.id())).body(sms);
    }
}
