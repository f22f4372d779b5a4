package org.isecg.contracts;

import java.util.List;

/**
 * The Kafka topics, one per aggregate kind, each with exactly one writing service. They are keyed
 * by aggregate id and every event carries the aggregate's whole state, so a topic is the source
 * that replicas and projections are rebuilt from: it is compacted by key, never expired by age.
 */
public final class Topics {

    /** Agency register events, keyed by agency code; written by agency-service. */
    public static final String AGENCIES = "agencies";

    /** Roadmap plan events, keyed by plan id; written by roadmap-service. */
    public static final String ROADMAP_PLANS = "roadmap-plans";

    /** Interface standard events, keyed by standard code; written by standards-service. */
    public static final String STANDARDS = "standards";

    /** Overlap events, keyed by overlap id; written by notification-service. */
    public static final String OVERLAPS = "overlaps";

    /** Every topic, in the order above. */
    public static final List<String> ALL = List.of(AGENCIES, ROADMAP_PLANS, STANDARDS, OVERLAPS);

    private Topics() {
    }
}
