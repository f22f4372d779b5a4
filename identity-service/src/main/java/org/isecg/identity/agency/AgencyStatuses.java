package org.isecg.identity.agency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.isecg.contracts.agency.AgencyStatus;

/**
 * The last known status of every agency of the register. An agency the issuer has not heard of counts
 * as active: its clients exist before the register is seeded, and a Kafka outage must not lock every
 * agency out (docs/security.md, "Deactivated agencies").
 */
public final class AgencyStatuses {

    private final Map<String, AgencyStatus> byCode = new ConcurrentHashMap<>();

    /**
     * Records the status an event of the register carried; whether that changes who gets tokens: the
     * agency is inactive now, or was before.
     */
    public boolean record(String code, AgencyStatus status) {
        AgencyStatus before = byCode.put(code, status);
        return before != status && (status == AgencyStatus.INACTIVE || before == AgencyStatus.INACTIVE);
    }

    /** Forgets an agency whose entry was removed from the topic (a tombstone). */
    public void forget(String code) {
        byCode.remove(code);
    }

    /** Whether the register said last that the agency is inactive. */
    public boolean isInactive(String code) {
        return byCode.get(code) == AgencyStatus.INACTIVE;
    }
}
