package org.isecg.seeding.standards;

/** A revision's status in the catalogue, in the order the catalogue moves it. */
public enum RevisionStatus {
    DRAFT, BASELINED, SUPERSEDED, RETIRED
}
