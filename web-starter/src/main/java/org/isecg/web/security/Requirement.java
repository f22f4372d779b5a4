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
        return AgencyWrite.OR_IMPORT;
    }

    /** An agency's own write that nobody makes on its behalf: {@link HubScopes#WRITE} with an agency claim. */
    static Requirement agencyOnlyWrite() {
        return AgencyWrite.AGENCY_ONLY;
    }

    /**
     * A read of what belongs to the caller's agency alone (its notifications): {@link HubScopes#READ}
     * with an agency claim, so that a token acting for no agency reads none.
     */
    static Requirement agencyRead() {
        return AgencyRead.INSTANCE;
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
        OR_IMPORT(true), AGENCY_ONLY(false);

        private final boolean importAllowed;

        AgencyWrite(boolean importAllowed) {
            this.importAllowed = importAllowed;
        }

        @Override
        public boolean isMetBy(Caller caller) {
            return caller.writesForItsAgency() || importAllowed && caller.has(HubScopes.IMPORT);
        }

        @Override
        public List<String> scopes() {
            return importAllowed ? List.of(HubScopes.WRITE, HubScopes.IMPORT) : List.of(HubScopes.WRITE);
        }

        @Override
        public String describe() {
            String agencyWrite = "a token of an agency (with an " + HubScopes.AGENCY_CLAIM + " claim) and the scope " + HubScopes.WRITE;
            return "this request needs " + agencyWrite + (importAllowed ? ", or the scope " + HubScopes.IMPORT : "");
        }
    }

    enum AgencyRead implements Requirement {
        INSTANCE;

        @Override
        public boolean isMetBy(Caller caller) {
            return caller.has(HubScopes.READ) && caller.agency().isPresent();
        }

        @Override
        public List<String> scopes() {
            return List.of(HubScopes.READ);
        }

        @Override
        public String describe() {
            return "this request needs a token of an agency (with an " + HubScopes.AGENCY_CLAIM + " claim) and the scope "
                    + HubScopes.READ;
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
