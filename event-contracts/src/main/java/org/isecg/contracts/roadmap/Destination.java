package org.isecg.contracts.roadmap;

/** The body or zone a plan goes to. */
public enum Destination {
    LOW_EARTH_ORBIT,
    CISLUNAR_SPACE,
    MOON,
    MARS,
    MARTIAN_MOONS,
    NEAR_EARTH_OBJECT
}
