package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsMeanTheDeveloperStackOnTheDefaultPorts() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options).isEqualTo(new LaunchOptions(false, Optional.empty(), 8080, Optional.empty(), false, true));
    }

    @Test
    void everyOptionIsReadInBothSpellings() {
        LaunchOptions separate = LaunchOptions.parse("--reset", "--data-dir", "/tmp/d", "--base-port", "18080",
                "--repo-dir", "/src/hub");
        LaunchOptions joined = LaunchOptions.parse("--reset", "--data-dir=/tmp/d", "--base-port=18080",
                "--repo-dir=/src/hub");

        assertThat(separate).isEqualTo(joined);
        assertThat(separate.reset()).isTrue();
        assertThat(separate.dataDir()).contains(Path.of("/tmp/d"));
        assertThat(separate.basePort()).isEqualTo(18080);
        assertThat(separate.repoDir()).contains(Path.of("/src/hub"));
        assertThat(separate.seed()).isTrue();
    }

    @Test
    void noSeedStartsTheStackWithoutLoadingTheRegistersData() {
        assertThat(LaunchOptions.parse("--no-seed").seed()).isFalse();
    }

    @Test
    void mistakesAreReportedNotIgnored() {
        assertThatThrownBy(() -> LaunchOptions.parse("--rest")).hasMessage("Unknown option: --rest");
        assertThatThrownBy(() -> LaunchOptions.parse("--data-dir")).hasMessage("--data-dir needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--base-port", "--reset")).hasMessage("--base-port needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--base-port", "eighty")).hasMessageContaining("'eighty'");
    }
}
