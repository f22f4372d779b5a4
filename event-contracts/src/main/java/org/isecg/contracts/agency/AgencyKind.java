package org.isecg.contracts.agency;

/** What kind of organisation an agency is. */
public enum AgencyKind {
    NATIONAL_AGENCY,
    INTERGOVERNMENTAL_ORGANISATION,
    RESEARCH_ORGANISATION
}
