package org.isecg.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of a service's integration tests: the service on a random port, with its
 * {@code test} profile, against the JVM's embedded Kafka broker and Mongo server. Every IT of a
 * module uses exactly this, so the context is built once and cached for all of them; two live
 * contexts of one service would share its consumer group and split the partitions between them.
 * Each request may take 15 s, not the default 5: on a CI machine that runs several builds on 2 cores a
 * service's first answers (the first token's JWK Set fetch among them) have taken longer. A request
 * that still gets no answer fails its test with a dump of every thread ({@link ThreadDumpOnTimeout}),
 * which shows what it waited on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT15S")
@EmbeddedInfrastructure
@ExtendWith(ThreadDumpOnTimeout.class)
@ActiveProfiles("test")
public @interface ServiceIntegration {
}
