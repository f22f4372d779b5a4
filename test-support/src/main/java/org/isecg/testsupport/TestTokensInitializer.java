package org.isecg.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context's token validation ({@code isecg.security.*}) at {@link TestTokens}, for
 * tests without {@link EmbeddedInfrastructure @EmbeddedInfrastructure} (which does the same):
 * {@code @ContextConfiguration(initializers = TestTokensInitializer.class)}.
 */
public final class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("testTokens", TestTokens.shared().properties()));
    }
}
