package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class MongoServerHostIT {

    @TempDir
    Path dir;

    @Test
    void aDocumentWrittenToTheH2FileSurvivesARestart() {
        Path file = dir.resolve("mongo/hub.mv");
        try (MongoServerHost host = MongoServerHost.startPersistent(file, 0)) {
            insert(host, new Document("_id", "artemis-iii").append("agency", "NASA"));
        }

        try (MongoServerHost restarted = MongoServerHost.startPersistent(file, 0)) {
            assertThat(findAll(restarted)).singleElement()
                    .satisfies(document -> assertThat(document.getString("agency")).isEqualTo("NASA"));
        }
    }

    @Test
    void theMemoryBackendStartsEmptyEveryTime() {
        try (MongoServerHost host = MongoServerHost.startInMemory(0)) {
            insert(host, new Document("_id", "gateway").append("agency", "ESA"));
            assertThat(findAll(host)).hasSize(1);
        }
        try (MongoServerHost fresh = MongoServerHost.startInMemory(0)) {
            assertThat(findAll(fresh)).isEmpty();
        }
    }

    @Test
    void theConnectionStringNamesLoopbackAndTheBoundPort() {
        int port = FreePorts.orFree(0);
        try (MongoServerHost host = MongoServerHost.startInMemory(port)) {
            assertThat(host.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            assertThat(host.connectionString("agency")).isEqualTo("mongodb://127.0.0.1:" + port + "/agency");
            assertThat(FreePorts.isFree(port)).isFalse();
        }
        assertThat(FreePorts.isFree(port)).isTrue();
    }

    private static void insert(MongoServerHost host, Document document) {
        try (MongoClient client = MongoClients.create(host.connectionString())) {
            Mono.from(missions(client).insertOne(document)).block();
        }
    }

    private static List<Document> findAll(MongoServerHost host) {
        try (MongoClient client = MongoClients.create(host.connectionString())) {
            return Flux.from(missions(client).find()).collectList().block();
        }
    }

    private static MongoCollection<Document> missions(MongoClient client) {
        return client.getDatabase("roadmap").getCollection("missions");
    }
}
