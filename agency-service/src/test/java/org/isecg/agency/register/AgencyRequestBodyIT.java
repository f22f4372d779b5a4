package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OWASP API3 and API4 at the register: a body that sets what only the register sets, or fields no
 * request has, is refused naming them all, and so is one over a limit; either way nothing is stored.
 */
@ServiceIntegration
class AgencyRequestBodyIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void withSecretariatsToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
    }

    @Test
    void aRegistrationSettingServerOwnedAndUnknownFieldsIsRefusedNamingEveryOneAndRegistersNothing() {
        // given
        String code = uniqueCode();
        AgencyEntries entry = aMember(code).with("version", 7).with("status", "SUSPENDED")
                .with("registeredAt", "2020-01-01T00:00:00Z").with("colour", "blue");

        // when
        WebTestClient.ResponseSpec response = register(entry);

        // then
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("version", "status", "registeredAt", "colour"))
                .jsonPath("$.detail").isEqualTo("the request sets fields that are server-owned (version, status,"
                        + " registeredAt) and fields it does not take (colour); leave them out")
                .jsonPath("$.errors[?(@.field == 'status')].message")
                .isEqualTo("is server-owned: the service sets it, a request may not");
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void anUpdateSettingTheCodeOrTheVersionIsRefusedAndChangesNothing() {
        // given
        String code = uniqueCode();
        register(aMember(code)).expectStatus().isCreated();
        var body = aMember(code).with("name", "Renamed").update();
        body.put("code", "OTHER");
        body.put("version", 41);
        body.put("updatedAt", "2020-01-01T00:00:00Z");

        // when
        WebTestClient.ResponseSpec response = http.put().uri("/api/v1/agencies/{code}", code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();

        // then
        response.expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("code", "version", "updatedAt"));
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("Test Space Agency " + code)
                .jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void moreCountriesThanTheLimitAreRefusedNamingTheListAndRegisterNothing() {
        // given: 61 distinct ISO codes, one more than the limit
        List<String> countries = List.of(Locale.getISOCountries()).subList(0, 61);
        String code = uniqueCode();

        // when
        WebTestClient.ResponseSpec response = register(aMember(code).with("countries", countries));

        // then
        response.expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("countries")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 60");
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aNameLongerThanTheLimitIsRefusedNamingIt() {
        String code = uniqueCode();

        register(aMember(code).with("name", "N".repeat(201))).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 200");
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aBodyOverTheServicesLimitIsA413ProblemNamingTheLimitAndRegistersNothing() {
        // given: the same 1 MiB as at the gateway, so a client that bypasses it meets the same limit
        String code = uniqueCode();
        AgencyEntries entry = aMember(code).with("name", String.join("", Collections.nCopies(1_100_000, "n")));

        // when
        WebTestClient.ResponseSpec response = register(entry);

        // then
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("the request body is larger than the limit of 1 MiB (1048576 bytes)");
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldAndRegistersNothing() {
        for (var wrong : List.of(
                List.of("memberSince", (Object) "long ago"), List.of("countries", "FR"), List.of("kind", 3),
                List.of("website", List.of("https://www.example.org")))) {
            String code = uniqueCode();

            register(aMember(code).with((String) wrong.get(0), wrong.get(1))).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(wrong.get(0));
            http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void aWebsiteThatIsNotAnHttpsUrlIsRefusedNamingItAndRegistersNothing() {
        String code = uniqueCode();

        register(aMember(code).with("website", "ftp://ftp.example.org")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("website")
                .jsonPath("$.errors[0].message").isEqualTo("must be an https URL, e.g. https://www.esa.int");
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aRegistrationSettingTheTimestampsIsRefusedNamingThem() {
        String code = uniqueCode();

        register(aMember(code).with("registeredAt", "2020-01-01T00:00:00Z").with("updatedAt", "2020-01-01T00:00:00Z"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("registeredAt", "updatedAt"));
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefusedNamingTheMaximumRatherThanClamped() {
        http.get().uri("/api/v1/agencies?pageSize=201").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("pageSize")
                .jsonPath("$.errors[0].message").isEqualTo("pageSize must be between 1 and 200");
        http.get().uri("/api/v1/agencies?pageSize=200").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec register(AgencyEntries entry) {
        return http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(entry.registration()).exchange();
    }
}
