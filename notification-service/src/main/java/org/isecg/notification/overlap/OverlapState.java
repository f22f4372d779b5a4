package org.isecg.notification.overlap;

/** Where an overlap stands. Agencies' acknowledgements and dismissals do not change it. */
public enum OverlapState {
    OPEN,
    RESOLVED
}
