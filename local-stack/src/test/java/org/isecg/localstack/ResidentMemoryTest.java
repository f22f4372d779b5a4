package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void parsesTheKernelsVmRssLine() {
        assertThat(ResidentMemory.parseKb("VmRSS:\t  123456 kB")).isEqualTo(123_456);
    }

    @Test
    void thisJvmTakesMoreThanTenMegabytesAndAMissingProcessNone() {
        assertThat(ResidentMemory.ofThisProcess()).isGreaterThan(10_000);
        assertThat(ResidentMemory.ofPid(Long.MAX_VALUE)).isZero();
    }
}
