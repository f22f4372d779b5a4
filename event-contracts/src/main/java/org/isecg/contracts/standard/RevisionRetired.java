package org.isecg.contracts.standard;

/**
 * A revision was retired: no new design should conform to it. Topic {@code standards}; type
 * {@code org.isecg.standards.standard.revision-retired.v1}.
 *
 * @param revision the label of the revision now {@link RevisionStatus#RETIRED}
 */
public record RevisionRetired(StandardState standard, String revision) implements StandardChange {
}
