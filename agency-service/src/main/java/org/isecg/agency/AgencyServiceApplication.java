package org.isecg.agency;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The agency register: who the ISECG agencies are, kept by the secretariat. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AgencyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgencyServiceApplication.class, args);
    }
}
