package org.isecg.contracts.roadmap;

/** What a plan provides or does at its destination. */
public enum Capability {
    CREW_TRANSPORT,
    LANDER,
    ROVER,
    ORBITER,
    HABITAT,
    ORBITAL_STATION,
    COMMUNICATIONS_RELAY,
    NAVIGATION,
    SURFACE_POWER,
    ISRU,
    SAMPLE_RETURN,
    LOGISTICS,
    ROBOTICS,
    SCIENCE_STATION,
    PLANETARY_DEFENSE
}
