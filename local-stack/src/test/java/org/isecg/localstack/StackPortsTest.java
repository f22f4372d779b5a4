package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void theDefaultBasePortGivesTheDocumentedPorts() {
        StackPorts ports = StackPorts.forBasePort(8080);

        assertThat(ports.of(HubService.GATEWAY)).isEqualTo(8080);
        assertThat(ports.of(HubService.AGENCY_SERVICE)).isEqualTo(8081);
        assertThat(ports.of(HubService.ROADMAP_SERVICE)).isEqualTo(8082);
        assertThat(ports.of(HubService.STANDARDS_SERVICE)).isEqualTo(8083);
        assertThat(ports.of(HubService.NOTIFICATION_SERVICE)).isEqualTo(8084);
        assertThat(ports.of(HubService.IDENTITY_SERVICE)).isEqualTo(8085);
        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.kafkaController()).isEqualTo(9093);
        assertThat(ports.mongo()).isEqualTo(27017);
    }

    @Test
    void anotherBasePortShiftsEveryPortBySoASecondStackDoesNotCollide() {
        StackPorts ports = StackPorts.forBasePort(18080);

        assertThat(ports.all()).containsExactly(18080, 18081, 18082, 18083, 18084, 18085, 19092, 19093, 37017);
    }

    @Test
    void baseZeroPicksDistinctFreePorts() {
        StackPorts ports = StackPorts.forBasePort(0);

        assertThat(ports.all()).hasSize(9).doesNotHaveDuplicates().allSatisfy(port -> {
            assertThat(port).isPositive();
            assertThat(FreePorts.isFree(port)).isTrue();
        });
    }

    @Test
    void basePortsThatWouldLeaveTheValidRangeAreRejected() {
        assertThatThrownBy(() -> StackPorts.forBasePort(80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StackPorts.forBasePort(50_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("46598");
        assertThat(StackPorts.forBasePort(46_598).mongo()).isEqualTo(65_535);
    }
}
