package org.isecg.events.tracing;

import org.isecg.contracts.CloudEventHeaders;

/**
 * A span's W3C Trace Context as it travels: {@code traceparent} (version, trace id, span id,
 * flags) and the optional {@code tracestate}. Kept as text, exactly as the propagator wrote it.
 *
 * @param traceparent null when there was no span
 * @param tracestate  null when the trace has no vendor data
 */
public record TraceHeaders(String traceparent, String tracestate) {

    /** Outside any trace. */
    public static final TraceHeaders NONE = new TraceHeaders(null, null);

    /** The header of that name, as a propagator asks for it; null for any other. */
    String get(String name) {
        return switch (name) {
            case CloudEventHeaders.TRACE_PARENT -> traceparent;
            case CloudEventHeaders.TRACE_STATE -> tracestate;
            default -> null;
        };
    }
}
