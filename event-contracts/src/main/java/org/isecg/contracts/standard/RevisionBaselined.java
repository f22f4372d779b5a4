package org.isecg.contracts.standard;

/**
 * A draft revision became the standard's baseline; the one baselined before became superseded in the
 * same change. Topic {@code standards}; type {@code org.isecg.standards.standard.revision-baselined.v1}.
 * A plan that declares conformance to the superseded revision now conforms to an obsolete one.
 *
 * @param revision   the label of the revision now {@link RevisionStatus#BASELINED}
 * @param superseded the label of the revision now {@link RevisionStatus#SUPERSEDED}; null when none was baselined
 */
public record RevisionBaselined(StandardState standard, String revision, String superseded) implements StandardChange {
}
