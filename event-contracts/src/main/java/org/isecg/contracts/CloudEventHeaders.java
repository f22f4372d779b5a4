package org.isecg.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary mode: the event's
 * attributes travel as {@code ce_}-prefixed UTF-8 headers and its data, JSON, as the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON_CONTENT_TYPE = "application/json";

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /**
     * The Hub's extension attribute {@code actingclient}: the client whose request made the change, or
     * the service that made it of its own accord. CloudEvents names extensions in lower-case letters
     * and digits only, hence no separator.
     */
    public static final String ACTING_CLIENT = "ce_actingclient";
    /** The Hub's extension attribute {@code actingagency}: the agency the client acted for; absent when none. */
    public static final String ACTING_AGENCY = "ce_actingagency";
    /** The binding maps the {@code datacontenttype} attribute to this header, not to a {@code ce_} one. */
    public static final String CONTENT_TYPE = "content-type";
    /**
     * W3C Trace Context of the publication: the plain header that OpenTelemetry and Micrometer
     * propagate over Kafka, not the Distributed Tracing extension's {@code ce_traceparent}, which is
     * not meant to replace it and, with no hop between producer and consumer, would repeat it.
     */
    public static final String TRACE_PARENT = "traceparent";
    /** The vendor part of the W3C Trace Context, when the trace has one. */
    public static final String TRACE_STATE = "tracestate";

    private CloudEventHeaders() {
    }
}
