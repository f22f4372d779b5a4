package org.isecg.contracts.overlap;

/** The kinds of overlap between agencies' plans; the rules that find them live in notification-service. */
public enum OverlapKind {
    DUPLICATION,
    COOPERATION_OPPORTUNITY,
    INTEROPERABILITY_GAP,
    OBSOLETE_STANDARD,
    DEPENDENCY_AT_RISK
}
