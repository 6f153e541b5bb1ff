package io.links.command.link;

import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkType;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.link.Usage;
import io.links.command.upstream.Upstream;
import io.links.command.upstream.UpstreamException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upstream that records every call it accepts as a line such as {@code "bar 8944... [2g, 3g]"}, and refuses
 * the calls it is told to.
 */
final class RecordingUpstream implements Upstream {

    private final List<String> calls = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, Usage> traffic = new HashMap<>();

    /** Refuses calls of {@code operation}, or only those whose line contains {@code detail}. */
    RecordingUpstream failOn(String operation, String... detail) {
        refusals.add(operation + (detail.length == 0 ? "" : " " + detail[0]));
        return this;
    }

    /** Reports {@code usage} for the activation {@code activationId} from now on; zero before. */
    RecordingUpstream counts(String activationId, Usage usage) {
        traffic.put(activationId, usage);
        return this;
    }

    List<String> calls() {
        return calls;
    }

    private void call(String operation, SimSnapshot sim, Object... arguments) {
        call(operation, sim.iccid(), arguments);
    }

    private void call(String operation, String subject, Object... arguments) {
        StringBuilder line = new StringBuilder(operation).append(' ').append(subject);
        for (Object argument : arguments) {
            line.append(' ').append(argument);
        }
        String text = line.toString();
        for (String refusal : refusals) {
            String[] parts = refusal.split(" ", 2);
            if (operation.equals(parts[0]) && (parts.length == 1 || text.contains(parts[1]))) {
                throw new UpstreamException("provider refused " + operation);
            }
        }
        calls.add(text);
    }

    private static Set<String> names(Set<NetworkType> types) {
        Set<String> names = new TreeSet<>();
        types.forEach(type -> names.add(type.value()));
        return names;
    }

    @Override
    public void provision(SimSnapshot sim, Map<String, PlanSnapshot> activations, Set<NetworkType> barred) {
        List<String> plans = new ArrayList<>();
        activations.values().forEach(plan -> plans.add(plan.id()));
        call("provision", sim, plans, names(barred));
    }

    @Override
    public void activate(SimSnapshot sim, String activationId, PlanSnapshot plan) {
        call("activate", sim, plan.id());
    }

    @Override
    public void deactivate(SimSnapshot sim, String activationId) {
        call("deactivate", sim);
    }

    @Override
    public void suspend(SimSnapshot sim) {
        call("suspend", sim);
    }

    @Override
    public void resume(SimSnapshot sim) {
        call("resume", sim);
    }

    @Override
    public void bar(SimSnapshot sim, Set<NetworkType> types) {
        call("bar", sim, names(types));
    }

    @Override
    public void unbar(SimSnapshot sim, Set<NetworkType> types) {
        call("unbar", sim, names(types));
    }

    @Override
    public void lockImei(SimSnapshot sim, String imei) {
        call("lock", sim, imei);
    }

    @Override
    public void unlockImei(SimSnapshot sim) {
        call("unlock", sim);
    }

    @Override
    public String sendSms(SimSnapshot sim, String message) {
        call("sms", sim, message);
        return "msg-" + calls.size();
    }

    @Override
    public void release(SimSnapshot sim) {
        call("release", sim);
    }

    @Override
    public void deleteEndpoint(String linkId) {
        call("delete", linkId);
    }

    @Override
    public NetworkStatus networkStatus(SimSnapshot sim) {
        call("status", sim);
        return NetworkStatus.UNKNOWN;
    }

    @Override
    public Usage usage(SimSnapshot sim, String activationId) {
        call("usage", sim, activationId);
        return traffic.getOrDefault(activationId, Usage.ZERO);
    }
}
