package org.isecg.contracts.standard;

/**
 * A draft revision was added to a standard. Topic {@code standards}; type
 * {@code org.isecg.standards.standard.revision-added.v1}.
 *
 * @param revision the label of the new revision, a {@link RevisionStatus#DRAFT} in {@code standard}
 */
public record RevisionAdded(StandardState standard, String revision) implements StandardChange {
}
