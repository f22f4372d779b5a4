package org.isecg.contracts.standard;

/**
 * A standard's details changed: its title, domain, description or stewards; its revisions are as they
 * were. Topic {@code standards}; type {@code org.isecg.standards.standard.updated.v1}.
 */
public record StandardUpdated(StandardState standard) implements StandardChange {
}
