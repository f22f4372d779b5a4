package org.isecg.contracts.agency;

/** Whether an organisation is an ISECG member or only owns plans on the roadmap. */
public enum Membership {
    MEMBER,
    NON_MEMBER
}
