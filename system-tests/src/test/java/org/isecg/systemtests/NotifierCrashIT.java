package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.isecg.localstack.HubService;
import org.isecg.localstack.LocalStack;
import org.isecg.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;

/**
 * The notifier dies inside each window of the thin path where a crash could lose a notification,
 * halted there by a fault point ({@code ISECG_FAULTS_HALT_AT}, the events starter's
 * {@code FaultPoints}: no shutdown hook, nothing flushed, as after a {@code kill -9}) rather than by
 * a kill aimed by timing:
 * <ol>
 * <li>after the plan projection's write, before the overlap's write: the plan event was not recorded
 * as handled, so it is redelivered; the projection already holds it, and detection runs all the same;
 * <li>after the overlap's write, before the relay publishes its {@code OverlapOpened}: the event waits
 * in the overlap's outbox under the lease of the dead instance, which the restarted one reclaims.
 * </ol>
 * Each test reads what was pending at the halt from the notifier's own database, then starts the
 * notifier as it normally runs and checks that each agency hears of the overlap exactly once. The
 * shared stack is left with the notifier running on its normal environment, whatever the outcome.
 */
@ExtendWith(SharedStack.class)
class NotifierCrashIT {

    /** Fault points, as named by notification-service's {@code OverlapDetector} and the events starter's relay. */
    private static final String AFTER_PROJECTION_WRITE = "notifier.after-projection-write";
    private static final String BEFORE_OVERLAP_PUBLICATION = "outbox.before-publish:overlaps";
    /** {@code FaultPoints.HALT_STATUS}: a halt at a fault point, not any other death. */
    private static final int HALT_STATUS = 99;
    private static final String OVERLAP_OPENED = "org.isecg.notification.overlap.opened.v1";
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private HubClient hub;
    private ServiceProcess notifier;
    private MongoClient mongo;
    private MongoDatabase notifierDatabase;

    @BeforeEach
    void connect(LocalStack stack) {
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
        notifier = stack.service(HubService.NOTIFICATION_SERVICE);
        mongo = MongoClients.create(stack.mongoConnectionString());
        notifierDatabase = mongo.getDatabase(HubService.NOTIFICATION_SERVICE.database().orElseThrow());
    }

    @AfterEach
    void disconnect() {
        mongo.close();
    }

    @Test
    void aCrashAfterTheProjectionWriteAndBeforeTheOverlapWriteIsRepairedByTheRedeliveredPlanEvent() {
        Scenario scenario = Scenario.fresh().registeredWith(hub);
        String rover = hub.createPlan(scenario.first, scenario.roverPlanOfFirst());
        // the first plan alone overlaps nothing: the window that matters is the second plan's
        await("the first plan projected").atMost(Duration.ofSeconds(60)).until(() -> projected(rover) != null);
        String lander;
        try {
            armed(AFTER_PROJECTION_WRITE);

            lander = hub.createPlan(scenario.second, scenario.landerPlanOfSecond());

            haltedAt(AFTER_PROJECTION_WRITE);
            Document second = projected(lander);
            assertThat(second).as("the second plan in the projection at the halt").isNotNull();
            assertThat(second.get("version", Number.class).longValue()).isEqualTo(1);
            assertThat(projected(rover)).as("the first plan in the projection at the halt").isNotNull();
            assertThat(overlapsOf(rover)).as("no overlap written at the halt").isEmpty();
            assertThat(inboxEntriesOf(scenario, rover, lander)).as("no inbox entry at the halt").isEmpty();
        } finally {
            startedNormally();
        }

        assertEachAgencyHearsOnceOfOneDuplication(scenario, rover, lander);
        assertThat(overlapsOf(lander)).hasSize(1);
    }

    @Test
    void aCrashAfterTheOverlapWriteAndBeforeItsPublicationIsRepairedByTheRestartedRelay() {
        Scenario scenario = Scenario.fresh().registeredWith(hub);
        String rover;
        String lander;
        try {
            armed(BEFORE_OVERLAP_PUBLICATION);

            rover = hub.createPlan(scenario.first, scenario.roverPlanOfFirst());
            lander = hub.createPlan(scenario.second, scenario.landerPlanOfSecond());

            haltedAt(BEFORE_OVERLAP_PUBLICATION);
            List<Document> overlaps = overlapsOf(rover);
            assertThat(overlaps).as("the overlap written at the halt").hasSize(1);
            Document overlap = overlaps.get(0);
            assertThat(overlap.getString("state")).isEqualTo("OPEN");
            assertThat(overlap.getList("outbox", Document.class)).as("its event, still in its outbox")
                    .extracting(event -> event.getString("type")).containsExactly(OVERLAP_OPENED);
            Document lease = notifierDatabase.getCollection("outbox_leases")
                    .find(Filters.eq("_id", "overlaps/" + overlap.get("_id"))).first();
            assertThat(lease).as("claimed by the relay that died").isNotNull();
            assertThat(lease.getString("owner")).startsWith("notification-service@");
            assertThat(inboxEntriesOf(scenario, rover, lander)).as("no inbox entry at the halt").isEmpty();
        } finally {
            startedNormally();
        }

        assertEachAgencyHearsOnceOfOneDuplication(scenario, rover, lander);
        List<Document> overlaps = overlapsOf(rover);
        assertThat(overlaps).hasSize(1);
        assertThat(overlaps.get(0).getList("outbox", Document.class)).as("the outbox, once published").isEmpty();
    }

    /** The notifier restarted with the fault point armed, and ready. */
    private void armed(String point) {
        notifier.restartWith(Map.of("ISECG_FAULTS_HALT_AT", point));
        notifier.awaitHealthy(STARTUP);
    }

    /** The notifier has exited by itself, halted at the point. */
    private void haltedAt(String point) {
        await("the notifier halts at " + point).atMost(Duration.ofSeconds(60)).until(() -> !notifier.isAlive());
        assertThat(notifier.exitCode()).as("exit status").hasValue(HALT_STATUS);
        assertThat(notifier.lastLogLines(40)).as("its last log lines")
                .anyMatch(line -> line.contains("fault point " + point + " reached"));
        assertThat(hub.get("/api/v1/overlaps").status())
                .as("the gateway answers for a service that is down")
                .isGreaterThanOrEqualTo(500);
    }

    /** The notifier as the stack normally runs it, whether it halted or not. */
    private void startedNormally() {
        notifier.restart();
        notifier.awaitHealthy(STARTUP);
    }

    /** Each agency's own notifications (read with its token) hold one entry about the two plans. */
    private void assertEachAgencyHearsOnceOfOneDuplication(Scenario scenario, String rover, String lander) {
        await("the duplication in both inboxes").atMost(Duration.ofSeconds(90))
                .until(() -> hub.notificationsAbout(scenario.first, rover, lander).size() >= 1
                        && hub.notificationsAbout(scenario.second, rover, lander).size() >= 1);
        // exactly once: nothing more arrives while redeliveries and relay sweeps run their course
        await("no duplicate entry").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> hub.notificationsAbout(scenario.first, rover, lander).size() == 1
                        && hub.notificationsAbout(scenario.second, rover, lander).size() == 1);
        for (String agency : List.of(scenario.first, scenario.second)) {
            JsonNode entry = hub.notificationsAbout(agency, rover, lander).get(0);
            assertThat(entry.get("kind").asString()).isEqualTo("DUPLICATION");
            assertThat(entry.get("change").asString()).isEqualTo("OPENED");
        }
        assertThat(hub.overlapsAbout(scenario.first, rover, lander)).hasSize(1);
    }

    private Document projected(String planId) {
        return notifierDatabase.getCollection("plan_snapshots").find(Filters.eq("_id", planId)).first();
    }

    private List<Document> overlapsOf(String planId) {
        return notifierDatabase.getCollection("overlaps").find(Filters.eq("planIds", planId)).into(new ArrayList<>());
    }

    /** The scenario's agencies' inbox entries about its plans (the agencies are other tests' too). */
    private List<Document> inboxEntriesOf(Scenario scenario, String rover, String lander) {
        return notifierDatabase.getCollection("inbox").find(Filters.and(Filters.in("agency", scenario.first, scenario.second),
                Filters.in("planIds", rover, lander))).into(new ArrayList<>());
    }
}
