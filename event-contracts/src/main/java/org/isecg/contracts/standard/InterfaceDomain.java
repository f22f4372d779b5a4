package org.isecg.contracts.standard;

/** The interface a standard governs. */
public enum InterfaceDomain {
    DOCKING,
    POWER,
    COMMUNICATIONS,
    NAVIGATION,
    AVIONICS,
    ECLSS,
    THERMAL,
    ROBOTICS,
    RENDEZVOUS
}
