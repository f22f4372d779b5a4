package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.isecg.localstack.HubService;
import org.isecg.localstack.LocalStack;
import org.isecg.localstack.ServiceProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The thin path with the notifier killed ({@code kill -9}) right after the plans are written and
 * restarted a few seconds later: the plan events wait in Kafka, the overlap is found after the
 * restart, and each agency hears of it exactly once.
 */
@ExtendWith(SharedStack.class)
class NotifierCrashIT {

    private static final Duration DOWNTIME = Duration.ofSeconds(4);

    private LocalStack stack;
    private HubClient hub;

    @BeforeEach
    void connect(LocalStack sharedStack) {
        stack = sharedStack;
        hub = new HubClient(stack.gatewayUrl());
    }

    @Test
    void anOverlapFoundWhileTheNotifierWasDownArrivesExactlyOnceInEachInbox() {
        Scenario scenario = Scenario.fresh();
        hub.registerAgency(scenario.first, "First Test Agency", "DE");
        hub.registerAgency(scenario.second, "Second Test Agency", "IN");
        ServiceProcess notifier = stack.service(HubService.NOTIFICATION_SERVICE);

        hub.createPlan(scenario.roverPlanOfFirst());
        hub.createPlan(scenario.landerPlanOfSecond());
        notifier.kill();

        await("the notifier stays down").pollDelay(DOWNTIME).atMost(DOWNTIME.plusSeconds(5))
                .until(() -> !notifier.isAlive());
        assertThat(hub.get("/api/v1/inboxes/" + scenario.first).status())
                .as("the gateway answers for a service that is down")
                .isGreaterThanOrEqualTo(500);
        notifier.restart();
        notifier.awaitHealthy(Duration.ofMinutes(2));

        await("the duplication in both inboxes").atMost(Duration.ofSeconds(90))
                .until(() -> hub.inbox(scenario.first).size() >= 1 && hub.inbox(scenario.second).size() >= 1);
        // exactly once: nothing more arrives while redeliveries and relay sweeps run their course
        await("no duplicate entry").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> hub.inbox(scenario.first).size() == 1 && hub.inbox(scenario.second).size() == 1);
        for (String agency : List.of(scenario.first, scenario.second)) {
            JsonNode entry = hub.inbox(agency).get(0);
            assertThat(entry.get("kind").asString()).isEqualTo("DUPLICATION");
            assertThat(entry.get("change").asString()).isEqualTo("OPENED");
        }
        assertThat(hub.overlapsOf(scenario.first)).hasSize(1);
    }
}
