package org.isecg.contracts.agency;

/** An inactive agency stays in the register (its plans refer to it) but may own no new plans. */
public enum AgencyStatus {
    ACTIVE,
    INACTIVE
}
