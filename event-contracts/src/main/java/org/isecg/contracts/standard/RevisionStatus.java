package org.isecg.contracts.standard;

/** The life cycle of a standard's revision. A plan conforming to a superseded or retired one is flagged. */
public enum RevisionStatus {
    DRAFT,
    BASELINED,
    SUPERSEDED,
    RETIRED;

    public boolean isObsolete() {
        return this == SUPERSEDED || this == RETIRED;
    }
}
