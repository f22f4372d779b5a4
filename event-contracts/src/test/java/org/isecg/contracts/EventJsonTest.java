package org.isecg.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.ObjectNode;

/** Reading is tolerant of what a newer producer adds and strict about what no producer writes. */
class EventJsonTest {

    @Test
    void readIgnoresAFieldItDoesNotKnow() {
        // given
        PlanUpdated artemis = SampleEvents.artemisIiiUpdated();
        ObjectNode data = (ObjectNode) ContractResources.json(EventJson.write(artemis));
        data.put("crewSize", 4);
        data.putObject("launchVehicle").put("name", "SLS Block 1");

        // when
        PlanUpdated read = EventJson.read(ContractResources.bytes(data), EventTypes.PLAN_UPDATED);

        // then
        assertThat(read).isEqualTo(artemis);
    }

    @Test
    void readTreatsAnAbsentSetAsEmpty() {
        // given
        byte[] data = """
                {"code":"IRSIS","version":1,"title":"International Rendezvous System Interoperability Standard",
                 "domain":"RENDEZVOUS","revisions":[{"revision":"Baseline","status":"BASELINED"}]}
                """.getBytes(UTF_8);

        // when
        var read = EventJson.read(data, EventTypes.STANDARD_PUBLISHED);

        // then
        assertThat(read.stewards()).isEmpty();
        assertThat(read.revisions().get(0).keyParameters()).isEmpty();
    }

    @Test
    void writeLeavesAbsentOptionalFieldsOut() {
        // given
        PlanWithdrawn withdrawn = SampleEvents.viperWithdrawnWithoutReason();

        // when
        String json = EventJson.writeString(withdrawn);

        // then
        assertThat(json).isEqualTo("{\"planId\":\"M11\",\"ownerAgency\":\"NASA\",\"version\":5}");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "",
            "null",
            "[]",
            "\"M11\"",
            "{not json",
            "{\"planId\":\"M11\",\"ownerAgency\":\"NASA\"}",
            "{\"planId\":\"M11\",\"ownerAgency\":\"NASA\",\"version\":5} {}",
    })
    void readThrowsMalformedEventExceptionOnDataThatIsNotAnEvent(String garbage) {
        // given
        byte[] data = garbage.getBytes(UTF_8);

        // when / then
        assertThatThrownBy(() -> EventJson.read(data, EventTypes.PLAN_WITHDRAWN))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(EventTypes.PLAN_WITHDRAWN.name());
    }

    @Test
    void readThrowsMalformedEventExceptionOnAConstantOutsideTheVocabulary() {
        // given
        ObjectNode data = (ObjectNode) ContractResources.json(EventJson.write(SampleEvents.artemisIiiUpdated()));
        data.put("destination", "VENUS");

        // when / then
        assertThatThrownBy(() -> EventJson.read(ContractResources.bytes(data), EventTypes.PLAN_UPDATED))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("VENUS");
    }
}
