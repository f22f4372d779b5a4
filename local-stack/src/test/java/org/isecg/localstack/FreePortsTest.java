package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void aPortInUseIsNamedInTheRefusal() throws Exception {
        List<Integer> ports = FreePorts.pick(2);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(1)));

            assertThatThrownBy(() -> FreePorts.requireFree(ports))
                    .hasMessageContaining("[" + ports.get(1) + "]")
                    .hasMessageContaining("--base-port");
        }
        FreePorts.requireFree(ports);
    }

    @Test
    void zeroMeansAFreePortAndAnyOtherPortIsKept() {
        assertThat(FreePorts.orFree(18080)).isEqualTo(18080);
        assertThat(FreePorts.orFree(0)).isPositive().satisfies(port -> assertThat(FreePorts.isFree(port)).isTrue());
    }
}
