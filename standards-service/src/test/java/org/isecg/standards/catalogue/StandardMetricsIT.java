package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.aRevision;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.time.Duration;
import java.util.List;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The catalogue's business metrics as Prometheus scrapes them from the management port. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    WebTestClient management;

    @BeforeEach
    void clients() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(PATIENCE)
                // a scrape is larger than the default 256 KiB a test client buffers
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @Test
    void everyDomainAndEveryRevisionStatusIsReportedZeroIncluded() {
        await().atMost(PATIENCE).until(() -> value("isecg_standards", "domain=\"THERMAL\"") >= 0);

        for (InterfaceDomain domain : InterfaceDomain.values()) {
            assertThat(value("isecg_standards", "domain=\"" + domain + "\"")).as(domain.name()).isGreaterThanOrEqualTo(0);
        }
        for (RevisionStatus status : RevisionStatus.values()) {
            assertThat(value("isecg_standard_revisions", "status=\"" + status + "\"")).as(status.name()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theGaugesCountStandardsByDomainAndRevisionsByStatusAndFollowAChange() {
        // given the figures as they are (other tests share the catalogue and only add to it)
        String code = uniqueCode();
        await().atMost(PATIENCE).until(() -> value("isecg_standards", "domain=\"ROBOTICS\"") >= 0);
        double robotics = value("isecg_standards", "domain=\"ROBOTICS\"");
        double drafts = value("isecg_standard_revisions", "status=\"DRAFT\"");
        double retired = value("isecg_standard_revisions", "status=\"RETIRED\"");

        // when a robotics standard with a draft is published
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).with("domain", "ROBOTICS")
                        .revisions(List.of(aRevision("A", "BASELINED", "2020"), aRevision("B", "DRAFT", "2024"))).body())
                .exchange().expectStatus().isCreated();

        // then it is counted in its domain and its draft among the drafts
        await().atMost(PATIENCE).until(() -> value("isecg_standards", "domain=\"ROBOTICS\"") >= robotics + 1
                && value("isecg_standard_revisions", "status=\"DRAFT\"") >= drafts + 1);

        // and when the draft is retired, it is counted among the retired revisions
        http.put().uri("/api/v1/standards/{code}", code).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).with("domain", "ROBOTICS")
                        .revisions(List.of(aRevision("A", "BASELINED", "2020"), aRevision("B", "RETIRED", "2024"))).body())
                .exchange().expectStatus().isOk();
        await().atMost(PATIENCE).until(() -> value("isecg_standard_revisions", "status=\"RETIRED\"") >= retired + 1);
    }

    /** The sample of the metric whose labels include all those given; -1 when there is none (yet). */
    private double value(String metric, String... labels) {
        String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
