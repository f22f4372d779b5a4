package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.time.Duration;
import java.util.List;

import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The register's business metrics as Prometheus scrapes them from the management port: agencies by
 * status and kind, and writes by operation and outcome.
 */
@ServiceIntegration
class AgencyMetricsIT {

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    WebTestClient management;

    @BeforeEach
    void clients() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
        // 15 s per request, as ServiceIntegration gives the API's client
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15))
                // a scrape is larger than the default 256 KiB a test client buffers
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @Test
    void theGaugeCountsAgenciesByStatusAndKindAndFollowsADeactivation() {
        // given the figures as they are (other tests share the register), every combination reported
        String code = uniqueCode();
        await().atMost(Duration.ofSeconds(15)).until(() -> value("isecg_agencies", "kind=\"RESEARCH_ORGANISATION\"",
                "status=\"INACTIVE\"") >= 0);
        double active = value("isecg_agencies", "kind=\"RESEARCH_ORGANISATION\"", "status=\"ACTIVE\"");
        double inactive = value("isecg_agencies", "kind=\"RESEARCH_ORGANISATION\"", "status=\"INACTIVE\"");

        // when a research organisation is registered, then deactivated
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).with("kind", "RESEARCH_ORGANISATION").registration()).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(15)).until(() ->
                value("isecg_agencies", "kind=\"RESEARCH_ORGANISATION\"", "status=\"ACTIVE\"") >= active + 1);
        http.post().uri("/api/v1/agencies/{code}/deactivation", code).header("If-Match", "\"1\"").exchange()
                .expectStatus().isOk();

        // then it moves from one series to the other (other tests add, none in this module removes)
        await().atMost(Duration.ofSeconds(15)).until(() ->
                value("isecg_agencies", "kind=\"RESEARCH_ORGANISATION\"", "status=\"INACTIVE\"") >= inactive + 1);
    }

    @Test
    void writesAreCountedByOperationAndOutcome() {
        // given
        String code = uniqueCode();
        double registered = value("isecg_agency_writes_total", "operation=\"register\"", "outcome=\"success\"");
        double deactivated = value("isecg_agency_writes_total", "operation=\"deactivate\"", "outcome=\"success\"");
        double conflicts = value("isecg_agency_writes_total", "operation=\"deactivate\"", "outcome=\"conflict\"");
        double stale = value("isecg_agency_writes_total", "operation=\"update\"", "outcome=\"version-mismatch\"");
        double missing = value("isecg_agency_writes_total", "operation=\"reactivate\"", "outcome=\"version-required\"");

        // when
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated();
        http.put().uri("/api/v1/agencies/{code}", code).header("If-Match", "\"7\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).update()).exchange().expectStatus().isEqualTo(412);
        http.post().uri("/api/v1/agencies/{code}/deactivation", code).header("If-Match", "\"1\"").exchange()
                .expectStatus().isOk();
        http.post().uri("/api/v1/agencies/{code}/deactivation", code).header("If-Match", "*").exchange()
                .expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/agencies/{code}/reactivation", code).exchange().expectStatus().isEqualTo(428);

        // then (other tests of the module may write at the same time, so at least)
        assertThat(value("isecg_agency_writes_total", "operation=\"register\"", "outcome=\"success\"")).isGreaterThanOrEqualTo(registered + 1);
        assertThat(value("isecg_agency_writes_total", "operation=\"deactivate\"", "outcome=\"success\"")).isGreaterThanOrEqualTo(deactivated + 1);
        assertThat(value("isecg_agency_writes_total", "operation=\"deactivate\"", "outcome=\"conflict\"")).isGreaterThanOrEqualTo(conflicts + 1);
        assertThat(value("isecg_agency_writes_total", "operation=\"update\"", "outcome=\"version-mismatch\"")).isGreaterThanOrEqualTo(stale + 1);
        assertThat(value("isecg_agency_writes_total", "operation=\"reactivate\"", "outcome=\"version-required\"")).isGreaterThanOrEqualTo(missing + 1);
    }

    /** The sample of the metric whose labels include all those given; -1 when there is none (yet). */
    private double value(String metric, String... labels) {
        String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(metric.endsWith("_total") ? 0 : -1);
    }
}
