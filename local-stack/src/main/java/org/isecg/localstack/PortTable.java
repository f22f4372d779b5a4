package org.isecg.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * What runs where in a stack: one row per service and per in-process server.
 *
 * @param rows in the order they are shown
 */
public record PortTable(List<Row> rows) {

    public PortTable {
        rows = List.copyOf(rows);
    }

    /**
     * One component of the stack.
     *
     * @param name the service or server, e.g. {@code agency-service} or {@code kafka}
     * @param port its TCP port on 127.0.0.1
     * @param pid  the process it runs in (the launcher's pid for Kafka and MongoDB)
     * @param log  where its output goes
     * @param managementPort its actuator's own port; 0 where it has none
     */
    public record Row(String name, int port, long pid, String log, int managementPort) {

        /** A component without a management port of its own. */
        public Row(String name, int port, long pid, String log) {
            this(name, port, pid, log, 0);
        }
    }

    /** The row named {@code name}. */
    public Row row(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row named " + name));
    }

    /** An aligned text table with a header line, for a terminal. */
    public String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"SERVICE", "PORT", "MANAGEMENT", "PID", "LOG"});
        for (Row row : rows) {
            cells.add(new String[] {row.name(), String.valueOf(row.port()),
                    row.managementPort() == 0 ? "-" : String.valueOf(row.managementPort()), String.valueOf(row.pid()), row.log()});
        }
        int[] widths = new int[4];
        for (String[] line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : cells) {
            text.append(String.format("%-" + widths[0] + "s  %" + widths[1] + "s  %" + widths[2] + "s  %" + widths[3]
                    + "s  %s%n", line[0], line[1], line[2], line[3], line[4]));
        }
        return text.toString();
    }
}
