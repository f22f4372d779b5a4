package org.isecg.identity.agency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;

/**
 * The register's events as agency-service publishes them: CloudEvents in binary mode on the compacted
 * {@code agencies} topic, keyed by the agency code, each carrying the whole entry.
 */
public final class AgencyRegisterEvents implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private long version = 1;

    public AgencyRegisterEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
    }

    /** Creates the topic as the register's service declares it (3 partitions, compacted), unless it exists. */
    public AgencyRegisterEvents withTopic() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(Topics.AGENCIES, 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        return this;
    }

    public void deactivated(String code) throws Exception {
        publish(EventTypes.AGENCY_DEACTIVATED, new AgencyDeactivated(code, version++, code + " agency", Set.of("TH"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2020, "isecg@example.org", "https://example.org",
                AgencyStatus.INACTIVE, "no longer takes part"));
    }

    public void reactivated(String code) throws Exception {
        publish(EventTypes.AGENCY_REACTIVATED, new AgencyReactivated(code, version++, code + " agency", Set.of("TH"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2020, "isecg@example.org", "https://example.org",
                AgencyStatus.ACTIVE, "takes part again"));
    }

    public void updated(String code, AgencyStatus status) throws Exception {
        publish(EventTypes.AGENCY_UPDATED, new AgencyUpdated(code, version++, code + " renamed", Set.of("TH"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2020, "isecg@example.org", "https://example.org",
                status));
    }

    private <E extends AgencyEvent> void publish(EventType<E> type, E event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.code(), EventJson.write(event));
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.TYPE, type.name());
        header(record, CloudEventHeaders.SOURCE, "/agency-service");
        header(record, CloudEventHeaders.SUBJECT, event.code());
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        header(record, CloudEventHeaders.ACTING_CLIENT, "secretariat");
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
