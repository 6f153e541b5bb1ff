package io.links.command.link;

import io.links.api.error.ErrorCode;
import io.links.api.link.ActivationRemoved;
import io.links.api.link.ActivationSource;
import io.links.api.link.BarNetworkTypes;
import io.links.api.link.ImeiLocked;
import io.links.api.link.ImeiUnlocked;
import io.links.api.link.LinkCreated;
import io.links.api.link.LockImei;
import io.links.api.link.NetworkStatus;
import io.links.api.link.NetworkStatusObserved;
import io.links.api.link.NetworkTypesBarred;
import io.links.api.link.NetworkTypesUnbarred;
import io.links.api.link.PlanActivated;
import io.links.api.link.RecordNetworkStatus;
import io.links.api.link.RemoveActivation;
import io.links.api.link.SendSms;
import io.links.api.link.SimSnapshot;
import io.links.api.link.SmsFailed;
import io.links.api.link.SmsResult;
import io.links.api.link.SmsSent;
import io.links.api.link.SmsStatus;
import io.links.api.link.SmsView;
import io.links.api.link.UnbarNetworkTypes;
import io.links.api.link.UnlockImei;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.links.api.link.NetworkType.G2;
import static io.links.api.link.NetworkType.G3;
import static io.links.api.link.NetworkType.G5;
import static io.links.command.link.LinkFixtures.ACTIVATED;
import static io.links.command.link.LinkFixtures.CREATED;
import static io.links.command.link.LinkFixtures.DETACHED;
import static io.links.command.link.LinkFixtures.LINK;
import static io.links.command.link.LinkFixtures.NOW;
import static io.links.command.link.LinkFixtures.ORG;
import static io.links.command.link.LinkFixtures.OTHER_SIM;
import static io.links.command.link.LinkFixtures.PLAN;
import static io.links.command.link.LinkFixtures.SIM;
import static io.links.command.link.LinkFixtures.SUSPENDED;
import static io.links.command.link.LinkFixtures.linkFixture;
import static io.links.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations on a link's device connection, given the events so far: barring radio types, locking the IMEI,
 * sending SMS, and recording what the network reports.
 */
class LinkDeviceTest {

    private AggregateTestFixture<Link> fixture;
    private InMemoryCatalog catalog;
    private RecordingUpstream upstream;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog(ORG).with(SIM).with(OTHER_SIM).with(PLAN);
        catalog.bindings.put(SIM.id(), LINK);
        upstream = new RecordingUpstream();
        fixture = linkFixture(catalog, upstream);
    }

    @Nested
    class BarAndUnbar {

        @Test
        void barsOnlyTheTypesNotYetBarred() {
            fixture.given(CREATED, new NetworkTypesBarred(LINK, Set.of(G2)))
                    .when(new BarNetworkTypes(LINK, ORG, Set.of(G2, G3)))
                    .expectEvents(new NetworkTypesBarred(LINK, Set.of(G3)));

            assertThat(upstream.calls()).containsExactly("bar " + SIM.iccid() + " [3g]");
        }

        @Test
        void refusesWhenEveryTypeIsAlreadyBarred() {
            refusedWith(fixture.given(CREATED, new NetworkTypesBarred(LINK, Set.of(G2, G3)))
                    .when(new BarNetworkTypes(LINK, ORG, Set.of(G2))), ErrorCode.VALIDATION_ERROR, "already barred");
            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void unbarsOnlyTheBarredTypes() {
            fixture.given(CREATED, new NetworkTypesBarred(LINK, Set.of(G2, G3)))
                    .when(new UnbarNetworkTypes(LINK, ORG, Set.of(G3, G5)))
                    .expectEvents(new NetworkTypesUnbarred(LINK, Set.of(G3)))
                    .expectState(link -> assertThat(link.barred()).containsExactly(G2));

            assertThat(upstream.calls()).containsExactly("unbar " + SIM.iccid() + " [3g]");
        }

        @Test
        void refusesToUnbarWhenNoneIsBarred() {
            refusedWith(fixture.given(CREATED).when(new UnbarNetworkTypes(LINK, ORG, Set.of(G5))),
                    ErrorCode.VALIDATION_ERROR, "nothing to do");
        }

        @Test
        void refusesToBarOnALinkOnHold() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new BarNetworkTypes(LINK, ORG, Set.of(G2))),
                    ErrorCode.VALIDATION_ERROR, "no SIM bound");
        }

        @Test
        void refusesToUnbarOnALinkOnHoldThoughTypesStayBarred() {
            refusedWith(fixture.given(CREATED, new NetworkTypesBarred(LINK, Set.of(G2)), DETACHED)
                    .when(new UnbarNetworkTypes(LINK, ORG, Set.of(G2))), ErrorCode.VALIDATION_ERROR, "no SIM bound");

            assertThat(upstream.calls()).isEmpty();
        }
    }

    @Nested
    class ImeiLock {

        @Test
        void locksToTheImeiLastObservedForTheSim() {
            fixture.given(CREATED)
                    .when(new LockImei(LINK, ORG))
                    .expectEvents(new ImeiLocked(LINK, SIM.imei()));

            assertThat(upstream.calls()).containsExactly("lock " + SIM.iccid() + " " + SIM.imei());
        }

        @Test
        void refusesWhenNoImeiWasObserved() {
            SimSnapshot blind = new SimSnapshot(SIM.id(), SIM.iccid(), SIM.msisdn(), null, SIM.type(),
                    SIM.provider(), SIM.compatibilityZones(), SIM.countries());
            catalog.with(blind);

            refusedWith(fixture.given(CREATED).when(new LockImei(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "no IMEI has been observed");
        }

        @Test
        void refusesASecondLock() {
            refusedWith(fixture.given(CREATED, new ImeiLocked(LINK, SIM.imei())).when(new LockImei(LINK, ORG)),
                    ErrorCode.VALIDATION_ERROR, "already locked");
        }

        @Test
        void unlocks() {
            fixture.given(CREATED, new ImeiLocked(LINK, SIM.imei()))
                    .when(new UnlockImei(LINK, ORG))
                    .expectEvents(new ImeiUnlocked(LINK))
                    .expectState(link -> assertThat(link.imeiLock()).isNull());

            assertThat(upstream.calls()).containsExactly("unlock " + SIM.iccid());
        }

        @Test
        void refusesToLockALinkOnHold() {
            refusedWith(fixture.given(CREATED, DETACHED).when(new LockImei(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "no SIM bound");

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void aLinkOnHoldHasNoLockToRemove() {
            refusedWith(fixture.given(CREATED, new ImeiLocked(LINK, SIM.imei()), DETACHED)
                    .when(new UnlockImei(LINK, ORG)), ErrorCode.VALIDATION_ERROR, "no IMEI lock");
        }

        @Test
        void refusesToUnlockWithoutALock() {
            refusedWith(fixture.given(CREATED).when(new UnlockImei(LINK, ORG)), ErrorCode.VALIDATION_ERROR,
                    "no IMEI lock");
        }
    }

    @Nested
    class Sms {

        @Test
        void sendsAnSmsThroughAnActiveLink() {
            fixture.given(CREATED, ACTIVATED)
                    .when(new SendSms(LINK, ORG, "sms-1", "hello"))
                    .expectEvents(new SmsSent(LINK, "sms-1", "hello", SIM.msisdn(), "msg-1", NOW))
                    .expectResultMessagePayload(new SmsResult(2, new SmsView("sms-1", "hello", SmsStatus.SENT, NOW,
                            null)));
        }

        @Test
        void recordsAFailedAttemptWithItsReason() {
            upstream.failOn("sms");

            fixture.given(CREATED, ACTIVATED)
                    .when(new SendSms(LINK, ORG, "sms-1", "hello"))
                    .expectEvents(new SmsFailed(LINK, "sms-1", "hello", "provider refused sms", NOW))
                    .expectResultMessagePayload(new SmsResult(2, new SmsView("sms-1", "hello", SmsStatus.FAILED, NOW,
                            "provider refused sms")));
        }

        @Test
        void refusesALinkThatIsNotActive() {
            refusedWith(fixture.given(CREATED).when(new SendSms(LINK, ORG, "sms-1", "hello")),
                    ErrorCode.VALIDATION_ERROR, "only through an active link");
            refusedWith(fixture.given(CREATED, ACTIVATED, SUSPENDED).when(new SendSms(LINK, ORG, "sms-1", "hello")),
                    ErrorCode.VALIDATION_ERROR, "suspended");
            refusedWith(fixture.given(CREATED, ACTIVATED, DETACHED).when(new SendSms(LINK, ORG, "sms-1", "hello")),
                    ErrorCode.VALIDATION_ERROR, "hold");

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void refusesASimWithoutMsisdn() {
            LinkCreated noNumber = new LinkCreated(LINK, ORG, "Pump", OTHER_SIM, OTHER_SIM.compatibilityZones());

            refusedWith(fixture.given(noNumber, new PlanActivated(LINK, "act-1", PLAN, ActivationSource.MANUAL, NOW,
                    NOW)).when(new SendSms(LINK, ORG, "sms-1", "hello")), ErrorCode.VALIDATION_ERROR, "no MSISDN");
        }

        @Test
        void refusesAnEmptyOrTooLongMessage() {
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new SendSms(LINK, ORG, "sms-1", "")),
                    ErrorCode.VALIDATION_ERROR, "1 to 80");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new SendSms(LINK, ORG, "sms-1", "x".repeat(81))),
                    ErrorCode.VALIDATION_ERROR, "1 to 80");
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new SendSms(LINK, ORG, "sms-1", null)),
                    ErrorCode.VALIDATION_ERROR, "1 to 80");

            assertThat(upstream.calls()).isEmpty();
        }

        @Test
        void sendsAMessageOfOneOrOfEightyCharacters() {
            String longest = "x".repeat(Link.MAX_SMS_LENGTH);

            fixture.given(CREATED, ACTIVATED)
                    .when(new SendSms(LINK, ORG, "sms-1", "x"))
                    .expectEvents(new SmsSent(LINK, "sms-1", "x", SIM.msisdn(), "msg-1", NOW));
            fixture.given(CREATED, ACTIVATED)
                    .when(new SendSms(LINK, ORG, "sms-2", longest))
                    .expectEvents(new SmsSent(LINK, "sms-2", longest, SIM.msisdn(), "msg-2", NOW));
        }

        @Test
        void countsCharactersNotUtf16Units() {
            String emoji = "\uD83D\uDE00".repeat(Link.MAX_SMS_LENGTH);

            fixture.given(CREATED, ACTIVATED)
                    .when(new SendSms(LINK, ORG, "sms-1", emoji))
                    .expectEvents(new SmsSent(LINK, "sms-1", emoji, SIM.msisdn(), "msg-1", NOW));
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new SendSms(LINK, ORG, "sms-2", emoji + "x")),
                    ErrorCode.VALIDATION_ERROR, "1 to 80 characters");
        }
    }

    @Nested
    class RemoveActivationCommand {

        @Test
        void removesAnActivation() {
            catalog.activations.put("act-1", PLAN.id());

            fixture.given(CREATED, ACTIVATED)
                    .when(new RemoveActivation(LINK, ORG, "act-1"))
                    .expectEvents(new ActivationRemoved(LINK, "act-1"));

            assertThat(catalog.activations).isEmpty();
            assertThat(upstream.calls()).containsExactly("deactivate " + SIM.iccid());
        }

        @Test
        void anUnknownOrRemovedActivationIsNotFound() {
            refusedWith(fixture.given(CREATED, ACTIVATED).when(new RemoveActivation(LINK, ORG, "act-9")),
                    ErrorCode.NOT_FOUND, "act-9");
            refusedWith(fixture.given(CREATED, ACTIVATED, new ActivationRemoved(LINK, "act-1"))
                    .when(new RemoveActivation(LINK, ORG, "act-1")), ErrorCode.NOT_FOUND, "act-1");
        }
    }

    @Nested
    class NetworkObservation {

        private final NetworkStatus attached = new NetworkStatus(true, "DEU", "Telekom", G5, NOW, NOW);

        @Test
        void recordsAStatusThatDiffersFromTheLastOne() {
            fixture.given(CREATED, ACTIVATED)
                    .when(new RecordNetworkStatus(LINK, ORG, attached))
                    .expectEvents(new NetworkStatusObserved(LINK, attached));
        }

        @Test
        void recordsNothingWhenOnlyTheTimesMoved() {
            NetworkStatus later = new NetworkStatus(true, "DEU", "Telekom", G5, NOW.plusSeconds(60),
                    NOW.plusSeconds(60));

            fixture.given(CREATED, ACTIVATED, new NetworkStatusObserved(LINK, attached))
                    .when(new RecordNetworkStatus(LINK, ORG, later))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }
    }
}
