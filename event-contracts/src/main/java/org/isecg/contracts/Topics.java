package org.isecg.contracts;

/** The Kafka topics, one per aggregate kind, each with exactly one writing service. */
public final class Topics {

    /** Agency register events, keyed by agency code; written by agency-service. */
    public static final String AGENCIES = "agencies";

    /** Roadmap plan events, keyed by plan id; written by roadmap-service. */
    public static final String ROADMAP_PLANS = "roadmap-plans";

    /** Interface standard events, keyed by standard code; written by standards-service. */
    public static final String STANDARDS = "standards";

    /** Overlap events, keyed by overlap id; written by notification-service. */
    public static final String OVERLAPS = "overlaps";

    private Topics() {
    }
}
