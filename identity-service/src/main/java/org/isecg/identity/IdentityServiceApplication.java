package org.isecg.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The token issuer of the embedded default: OAuth 2.0 client credentials for the agencies' systems,
 * the secretariat, the standards board and the operators, answered with short-lived RS256 JWTs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }
}
