package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.bson.Document;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.events.testapp.SupportTestApplication.Recorder;
import org.isecg.localstack.KafkaBroker;
import org.isecg.localstack.MongoServerHost;
import org.isecg.testsupport.InfrastructureInitializer;
import org.isecg.testsupport.TestInfrastructure;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The broker away for 30 s while writes go on: every write succeeds, its event waits in its
 * document, and once the broker is back on the same ports every event is published and handled,
 * in order per aggregate. It stops the broker, so it runs in a JVM of its own (failsafe execution
 * {@code broker-outage} in this module's pom) on servers of its own, not the JVM's shared ones.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = RelayBrokerOutageIT.OwnServers.class)
class RelayBrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int AGGREGATES = 5;
    private static final int CHANGES_DURING_OUTAGE = 3;

    @Autowired
    WebTestClient http;

    /** The test app's API takes any valid token, its operator endpoints the operator's. */
    @BeforeEach
    void asTheOperator() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().operator()).build();
    }
    @Autowired
    Recorder recorder;
    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void writesDuringA30SecondBrokerOutageAreAllPublishedAfterwardsInOrderPerAggregate() {
        // given five aggregates registered and handled while the broker is up
        List<String> codes = IntStream.range(0, AGGREGATES).mapToObj(i -> OutboxAndInboundContract.uniqueCode()).toList();
        codes.forEach(code -> http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Before")).exchange().expectStatus().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> codes.stream().allMatch(code -> recorder.about(code).size() == 1));

        // when the broker stops, and each aggregate changes three times over the following 30 s
        KafkaBroker broker = OwnServers.broker;
        broker.close();
        long stopped = System.nanoTime();
        for (int change = 0; change < CHANGES_DURING_OUTAGE; change++) {
            Duration at = OUTAGE.multipliedBy(change).dividedBy(CHANGES_DURING_OUTAGE);
            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(100)).until(() -> since(stopped).compareTo(at) >= 0);
            long version = change + 1;
            codes.forEach(code -> http.put().uri("/test/agencies/{code}", code).header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "During " + (version + 1)))
                    .exchange().expectStatus().isOk());
        }
        await().atMost(OUTAGE.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> since(stopped).compareTo(OUTAGE) >= 0);
        // nothing was lost meanwhile: every change still waits in its document
        codes.forEach(code -> assertThat(outboxOf(code)).hasSize(CHANGES_DURING_OUTAGE));
        OwnServers.broker = KafkaBroker.start(OwnServers.brokerDir, broker.port(), broker.controllerPort());

        // then every event is handled, once, in version order, and every outbox is empty
        await().atMost(Duration.ofSeconds(45)).until(() -> codes.stream()
                .allMatch(code -> recorder.about(code).size() == 1 + CHANGES_DURING_OUTAGE));
        codes.forEach(code -> assertThat(recorder.about(code))
                .extracting(event -> ((AgencyEvent) event.data()).version()).containsExactly(1L, 2L, 3L, 4L));
        await().atMost(Duration.ofSeconds(30)).until(() -> codes.stream().allMatch(code -> outboxOf(code).isEmpty()));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private List<Document> outboxOf(String code) {
        Document document = mongo.findById(code, Document.class, SupportTestApplication.COLLECTION).block();
        return document == null ? List.of() : document.getList(OutboxEvent.FIELD, Document.class, List.of());
    }

    /** A broker and a Mongo server of this test's own, started with its context, stopped with the JVM. */
    static final class OwnServers extends InfrastructureInitializer implements TestInfrastructure {

        static volatile KafkaBroker broker;
        static Path brokerDir;
        static MongoServerHost mongoServer;

        @Override
        protected synchronized TestInfrastructure infrastructure() {
            if (broker == null) {
                try {
                    brokerDir = Files.createTempDirectory("isecg-kafka-outage-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                broker = KafkaBroker.start(brokerDir, 0, 0);
                mongoServer = MongoServerHost.startInMemory(0);
                SpringApplication.getShutdownHandlers().add(() -> {
                    broker.close();
                    mongoServer.close();
                });
            }
            return this;
        }

        @Override
        protected String propertySourceName() {
            return "brokerOutageInfrastructure";
        }

        @Override
        public String kafkaBootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public String mongoConnectionString(String database) {
            return mongoServer.connectionString(database);
        }
    }
}
