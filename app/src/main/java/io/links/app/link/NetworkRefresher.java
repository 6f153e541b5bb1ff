package io.links.app.link;

import io.links.api.link.LinkStatus;
import io.links.api.link.LinkView;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusView;
import io.links.api.link.RecordNetworkStatus;
import io.links.app.LinksProperties;
import io.links.app.web.Commands;
import io.links.command.upstream.Upstream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads an active link's network status live from the provider, within {@code links.network-refresh-timeout}. When
 * the provider fails or is slow, the last known status is answered instead, marked stale. A status that differs
 * from the recorded one is recorded afterwards, without making the reader wait, so that the listing's network
 * filters follow.
 */
@Component
class NetworkRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NetworkRefresher.class);

    private final Upstream upstream;
    private final Commands commands;
    private final LinksProperties properties;
    private final ExecutorService calls = Executors.newFixedThreadPool(4, daemon("network-refresh"));
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(daemon("network-record"));

    NetworkRefresher(Upstream upstream, Commands commands, LinksProperties properties) {
        this.upstream = upstream;
        this.commands = commands;
        this.properties = properties;
    }

    LinkView refresh(String organisationId, LinkView link) {
        if (link.status() != LinkStatus.ACTIVE || link.sim() == null) {
            return link;
        }
        NetworkStatus fresh;
        try {
            fresh = CompletableFuture.supplyAsync(() -> upstream.networkStatus(link.sim()), calls)
                    .get(properties.networkRefreshTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.debug("Network status of link [{}] not refreshed: {}", link.id(), e.getMessage());
            NetworkStatusView known = link.networkStatus();
            return link.withNetworkStatus(new NetworkStatusView(known.connected(), known.country(), known.operator(),
                    known.networkType(), known.lastSeenAt(), known.refreshedAt(), true, known.observedAt()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return link;
        }
        if (changed(link.networkStatus(), fresh)) {
            commands.sendLater(new RecordNetworkStatus(link.id(), organisationId, fresh), recorder);
        }
        return link.withNetworkStatus(NetworkStatusView.of(fresh, false));
    }

    private static boolean changed(NetworkStatusView known, NetworkStatus fresh) {
        return known.connected() != fresh.connected() || !Objects.equals(known.country(), fresh.country())
                || !Objects.equals(known.operator(), fresh.operator()) || known.networkType() != fresh.networkType();
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
        recorder.shutdown();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
