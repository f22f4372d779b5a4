package org.isecg.contracts.standard;

/**
 * A working group published a new interface standard, with its revisions so far (none, or the ones it
 * already has, in any status). Topic {@code standards}; type {@code org.isecg.standards.standard.published.v2}.
 * Beside v1 ({@link StandardPublished}), v2 takes a standard with no revision yet, a description and key
 * parameters with units.
 */
public record StandardPublishedV2(StandardState standard) implements StandardChange {
}
