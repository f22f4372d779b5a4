package org.isecg.web.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The correlation id of the work in progress. It lives in the logging MDC: on HTTP paths Reactor's
 * automatic context propagation restores it on every thread that runs the request, and inbound
 * event handlers set it from the event's {@code correlationid} attribute.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    /** Ids from outside are echoed into headers and logs: accept only short, plain ones. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The caller's id when it is acceptable, otherwise a fresh one. */
    public static String acceptOrCreate(String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    /** Runs the task with the id in the MDC, restoring whatever was there before. */
    public static void runWith(String correlationId, Runnable task) {
        String previous = MDC.get(MDC_KEY);
        try {
            if (correlationId == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, correlationId);
            }
            task.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
