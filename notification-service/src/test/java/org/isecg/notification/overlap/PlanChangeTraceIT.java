package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.aRover;
import static org.isecg.notification.PlanFacts.uniqueAgency;
import static org.isecg.notification.PlanFacts.uniqueRegion;

import java.util.List;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.notification.NotifierContext;
import org.isecg.notification.PlanFacts;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * One plan change is one trace: the trace the roadmap's write kept in its outbox goes on through
 * detection, the overlap event the detection publishes, and the delivery of that event to the
 * inboxes, in the logs of each step.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlanChangeTraceIT extends NotifierContext {

    @Autowired
    Tracer tracer;

    @Test
    void detectionTheOverlapEventAndItsDeliveryAllRunInTheTraceOfThePlanWrite(CapturedOutput output) {
        // given a NASA rover, then a CNSA rover at the same place, written in a trace as roadmap-service writes
        String region = uniqueRegion();
        String nasa = uniqueAgency("N");
        String cnsa = uniqueAgency("C");
        detected(aRover(nasa, region).created());
        PlanFacts cnsaRover = aRover(cnsa, region);
        Span write = tracer.nextSpan().name("roadmap plan write").start();
        OutboxEvent planCreated;
        try (Tracer.SpanInScope scope = tracer.withSpan(write)) {
            planCreated = wrapped(cnsaRover.created());
        } finally {
            write.end();
        }
        String traceId = write.context().traceId();

        // when
        publish(planCreated);

        // then
        String overlapId = (String) awaitTheOverlapOf(nasa).get("overlapId");
        PublishedEvent<OverlapOpened> opened = events.awaitFirst(EventTypes.OVERLAP_OPENED, overlapId, event -> true);
        assertThat(opened.headers().get(CloudEventHeaders.TRACE_PARENT)).startsWith("00-" + traceId + "-");
        delivered(EventTypes.OVERLAP_OPENED, overlapId, 1);
        List<String> detection = linesWith(output, "overlap " + overlapId + " ");
        assertThat(detection).isNotEmpty().allSatisfy(line -> assertThat(line).contains(traceId));
        for (String agency : List.of(nasa, cnsa)) {
            assertThat(linesWith(output, "inbox of " + agency + ": overlap " + overlapId))
                    .singleElement().asString().contains(traceId);
        }
    }

    private static List<String> linesWith(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).toList();
    }
}
