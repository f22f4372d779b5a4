package org.isecg.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Direct checks against a broker and a MongoDB server, bypassing Spring. */
final class Probes {

    private Probes() {
    }

    static String clusterId(String bootstrapServers) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    static void insert(MongoClient client, String database, Document document) {
        Mono.from(client.getDatabase(database).getCollection("probes").insertOne(document)).block();
    }

    static List<Document> findAll(String connectionString, String database) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            return Flux.from(client.getDatabase(database).getCollection("probes").find()).collectList().block();
        }
    }
}
