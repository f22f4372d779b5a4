package org.isecg.web.security;

import java.util.List;

/** What an endpoint asks of its caller's token. */
public sealed interface Requirement {

    boolean isMetBy(Caller caller);

    /** The scopes any one of which (with what else is asked) meets it: the 403's {@code scope} attribute. */
    List<String> scopes();

    /** What is missing, in a client developer's words: the 403's detail. */
    String describe();

    /** A token with this scope. */
    static Requirement scope(String scope) {
        if (!HubScopes.ALL.contains(scope)) {
            throw new IllegalArgumentException("not one of the Hub's scopes: " + scope);
        }
        return new Scope(scope);
    }

    /**
     * An agency's own write: {@link HubScopes#WRITE} with an {@link HubScopes#AGENCY_CLAIM} claim, or
     * {@link HubScopes#IMPORT} (the secretariat loading records for their owners).
     */
    static Requirement agencyWrite() {
        return AgencyWrite.INSTANCE;
    }

    /** No token: requests that no rule allows are refused rather than left open by omission. */
    static Requirement nobody() {
        return Nobody.INSTANCE;
    }

    record Scope(String scope) implements Requirement {

        @Override
        public boolean isMetBy(Caller caller) {
            return caller.has(scope);
        }

        @Override
        public List<String> scopes() {
            return List.of(scope);
        }

        @Override
        public String describe() {
            return "this request needs a token with the scope " + scope;
        }
    }

    enum AgencyWrite implements Requirement {
        INSTANCE;

        @Override
        public boolean isMetBy(Caller caller) {
            return caller.has(HubScopes.WRITE) && caller.agency().isPresent() || caller.has(HubScopes.IMPORT);
        }

        @Override
        public List<String> scopes() {
            return List.of(HubScopes.WRITE, HubScopes.IMPORT);
        }

        @Override
        public String describe() {
            return "this request needs a token of an agency with the scope " + HubScopes.WRITE
                    + " (and an " + HubScopes.AGENCY_CLAIM + " claim), or the scope " + HubScopes.IMPORT;
        }
    }

    enum Nobody implements Requirement {
        INSTANCE;

        @Override
        public boolean isMetBy(Caller caller) {
            return false;
        }

        @Override
        public List<String> scopes() {
            return List.of();
        }

        @Override
        public String describe() {
            return "no token allows this request";
        }
    }
}
