package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PortTableTest {

    private final PortTable table = new PortTable(List.of(
            new PortTable.Row("gateway", 8080, 4242, "logs/gateway.log", 8180),
            new PortTable.Row("notification-service", 8084, 4243, "logs/notification-service.log"),
            new PortTable.Row("mongodb", 27017, 1, "(in the launcher JVM)")));

    @Test
    void rendersOneAlignedLinePerRowUnderAHeader() {
        List<String> lines = table.render().lines().toList();

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("SERVICE").contains("PORT", "MANAGEMENT", "PID", "LOG");
        assertThat(lines.get(1)).startsWith("gateway ").contains(" 8180 ").endsWith("logs/gateway.log");
        assertThat(lines.get(2)).contains(" - ");
        assertThat(lines.get(3)).contains("27017").endsWith("(in the launcher JVM)");
        assertThat(lines).extracting(line -> line.indexOf("log")).filteredOn(index -> index > 0)
                .containsOnly(lines.get(1).indexOf("logs/"));
    }

    @Test
    void findsARowByName() {
        assertThat(table.row("notification-service").port()).isEqualTo(8084);
        assertThatThrownBy(() -> table.row("billing")).isInstanceOf(IllegalArgumentException.class);
    }
}
