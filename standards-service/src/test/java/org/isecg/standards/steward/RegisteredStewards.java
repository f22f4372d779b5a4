package org.isecg.standards.steward;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.CloudEventPublisher;
import org.isecg.events.outbox.OutboxEvents;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The agencies the catalogue's tests name as stewards, registered on the agencies topic as the agency
 * register's relay publishes them, once per test JVM, before the first test that needs them: the
 * catalogue accepts only stewards its replica holds as active.
 */
public final class RegisteredStewards implements BeforeEachCallback {

    /** Every steward a test of the module names, unless it tests an unknown one. */
    public static final List<String> CODES = List.of("NASA", "ESA", "JAXA", "CSA", "ISRO", "ROSCOSMOS");

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    @Override
    public void beforeEach(ExtensionContext extension) {
        if (REGISTERED.get()) {
            return;
        }
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        registered(context, CODES.toArray(String[]::new));
        REGISTERED.set(true);
    }

    /** Registers the agencies and waits until the replica holds them as active. */
    public static void registered(ApplicationContext context, String... codes) {
        List.of(codes).forEach(code -> publish(context, registration(code)));
        awaitStatuses(context, AgencyStatus.ACTIVE, codes);
    }

    /** Deactivates the registered agency (at version 2) and waits until the replica holds it as inactive. */
    public static void deactivated(ApplicationContext context, String code) {
        publish(context, new AgencyDeactivated(code, 2, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, AgencyStatus.INACTIVE, "left the group"));
        awaitStatuses(context, AgencyStatus.INACTIVE, code);
    }

    /** Publishes the event as a relay does and returns its CloudEvents id. */
    public static String publish(ApplicationContext context, DomainEvent event) {
        var wrapped = context.getBean(OutboxEvents.class).wrap(event, Actor.service("agency-register-test"));
        context.getBean(CloudEventPublisher.class).publish(wrapped).join();
        return wrapped.eventId();
    }

    public static AgencyRegistered registration(String code) {
        return new AgencyRegistered(code, 1, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, AgencyStatus.ACTIVE);
    }

    private static void awaitStatuses(ApplicationContext context, AgencyStatus status, String... codes) {
        Map<String, AgencyStatus> expected = Set.of(codes).stream().collect(Collectors.toMap(Function.identity(), code -> status));
        AgencyReplica replica = context.getBean(AgencyReplica.class);
        await().atMost(PATIENCE).until(() -> expected.equals(replica.statuses(Set.of(codes)).block(PATIENCE)));
    }
}
