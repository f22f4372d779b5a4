package org.isecg.standards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The interface standards that let hardware from different agencies work together. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StandardsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandardsServiceApplication.class, args);
    }
}
