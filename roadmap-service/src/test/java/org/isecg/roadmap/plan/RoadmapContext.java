package org.isecg.roadmap.plan;

import org.isecg.roadmap.UpstreamEvents;
import org.isecg.roadmap.replica.AgencyReplica;
import org.isecg.roadmap.replica.StandardReplica;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.events.outbox.CloudEventPublisher;
import org.isecg.events.outbox.OutboxEvents;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every roadmap IT works with: the API, the upstream topics that feed the replicas, and the plan topic. */
@ServiceIntegration
abstract class RoadmapContext {

    @Autowired
    WebTestClient http;
    /** The same client without a token. */
    WebTestClient anonymous;
    @Autowired
    OutboxEvents outboxEvents;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    ProcessedEvents processed;
    @Autowired
    AgencyReplica agencyReplica;
    @Autowired
    StandardReplica standardReplica;

    @Autowired
    PublishedEvents events;

    RoadmapApi roadmap;
    UpstreamEvents upstream;

    @BeforeEach
    void wire() {
        anonymous = http;
        // as the secretariat, whose hub.import writes plans for any owner (an agency's own writes: PlanAccessIT)
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
        roadmap = new RoadmapApi(http);
        upstream = new UpstreamEvents(outboxEvents, publisher, processed, agencyReplica, standardReplica);
    }
}
