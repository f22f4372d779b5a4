package org.isecg.agency.register;

import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.time.Duration;

import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what with the register, over real HTTP: bad tokens are 401 and register nothing; only
 * the secretariat registers and changes agencies; any member reads; the actuator's operator endpoints
 * on the management port are the operators' alone.
 */
@ServiceIntegration
class AgencyAccessIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    String registered;

    @BeforeEach
    void anAgencyTheSecretariatRegistered() {
        registered = uniqueCode();
        register(registered, TOKENS.secretariat()).expectStatus().isCreated();
    }

    @Test
    void everyBadTokenIsA401ProblemAndRegistersNothing() {
        for (TestTokens.BadToken bad : TOKENS.badTokens()) {
            String code = uniqueCode();

            TokenExpectations.invalidToken(register(code, bad.token()));

            read(code, TOKENS.reader("NASA")).expectStatus().isNotFound();
        }
    }

    @Test
    void noTokenIsA401ProblemEvenToRead() {
        String code = uniqueCode();

        TokenExpectations.tokenRequired(http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange());
        TokenExpectations.tokenRequired(http.get().uri("/api/v1/agencies/{code}", registered).exchange());

        read(code, TOKENS.reader("NASA")).expectStatus().isNotFound();
    }

    @Test
    void nasaCannotRegisterAnAgencyNorChangeOne() {
        String code = uniqueCode();

        TokenExpectations.insufficientScope(register(code, TOKENS.agency("NASA")), "hub.secretariat");
        TokenExpectations.insufficientScope(http.put().uri("/api/v1/agencies/{code}", registered)
                .headers(TestTokens.bearer(TOKENS.agency("NASA"))).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(registered).with("name", "Taken over").update())
                .exchange(), "hub.secretariat");

        read(code, TOKENS.reader("NASA")).expectStatus().isNotFound();
        read(registered, TOKENS.reader("NASA")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo("Test Space Agency " + registered);
    }

    @Test
    void theHistorySaysTheSecretariatRegisteredItAndAnyMemberReadsIt() {
        http.get().uri("/api/v1/agencies/{code}/history", registered).headers(TestTokens.bearer(TOKENS.reader("JAXA")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].version").isEqualTo(1)
                .jsonPath("$.entries[0].event").isEqualTo("org.isecg.register.agency.registered.v1")
                .jsonPath("$.entries[0].client").isEqualTo("secretariat")
                .jsonPath("$.entries[0].importedBy").doesNotExist();
        http.get().uri("/api/v1/agencies/{code}/history", uniqueCode()).headers(TestTokens.bearer(TOKENS.reader("JAXA")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theStandardsBoardCannotRegisterAnAgency() {
        TokenExpectations.insufficientScope(register(uniqueCode(), TOKENS.standardsBoard()), "hub.secretariat");
    }

    @Test
    void everyMemberReadsTheRegisterButNotWithoutHubRead() {
        read(registered, TOKENS.reader("JAXA")).expectStatus().isOk();
        http.get().uri("/api/v1/agencies").headers(TestTokens.bearer(TOKENS.standardsBoard())).exchange().expectStatus().isOk();
        String noRead = TOKENS.mint(TestTokens.Token.forClient("secretariat").scopes("hub.secretariat"));
        TokenExpectations.insufficientScope(read(registered, noRead), "hub.read");
    }

    @Test
    void theOutboxOnTheManagementPortIsTheOperatorsAndTheProbesAnyones() {
        // 15 s per request, as ServiceIntegration gives the API's client: a loaded CI machine has taken longer than 5
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15)).build();

        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        TokenExpectations.tokenRequired(management.get().uri("/actuator/outbox").exchange());
        TokenExpectations.insufficientScope(management.get().uri("/actuator/outbox")
                .headers(TestTokens.bearer(TOKENS.secretariat())).exchange(), "hub.operator");
        management.get().uri("/actuator/outbox").headers(TestTokens.bearer(TOKENS.operator())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.parked").isArray();
        // the API's port serves no actuator: nothing the gateway routes reaches it
        http.get().uri("/actuator/outbox").headers(TestTokens.bearer(TOKENS.operator())).exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec register(String code, String token) {
        return http.post().uri("/api/v1/agencies").headers(TestTokens.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange();
    }

    private WebTestClient.ResponseSpec read(String code, String token) {
        return http.get().uri("/api/v1/agencies/{code}", code).headers(TestTokens.bearer(token)).exchange();
    }
}
