package org.isecg.web.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent a request, from its validated token: the client, the agency it acts for (absent for the
 * secretariat, the standards board and the operators) and what it may do. A handler gets it as a
 * parameter of this type, or from {@link Callers#current()}.
 *
 * @param agency   the {@value HubScopes#AGENCY_CLAIM} claim, e.g. {@code NASA}
 * @param clientId the {@code client_id} claim, else {@code sub}
 * @param scopes   the names in the {@code scope} claim
 */
public record Caller(Optional<String> agency, String clientId, Set<String> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /**
     * Whether it writes as an agency, for itself: {@link HubScopes#WRITE} and an agency claim. The access
     * rules and the services' ownership checks ask the same question, so it is asked here once.
     */
    public boolean writesForItsAgency() {
        return has(HubScopes.WRITE) && agency.isPresent();
    }

    /** The caller a token names. */
    public static Caller of(Jwt token) {
        String clientId = Optional.ofNullable(token.getClaimAsString("client_id")).orElse(token.getSubject());
        String scope = token.getClaimAsString("scope");
        Set<String> scopes = scope == null ? Set.of()
                : Arrays.stream(scope.split(" ")).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String agency = token.getClaimAsString(HubScopes.AGENCY_CLAIM);
        return new Caller(Optional.ofNullable(agency).filter(code -> !code.isBlank()), clientId, scopes);
    }
}
