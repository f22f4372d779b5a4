package org.isecg.events.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Problem details for failed aggregate writes, where the service has an HTTP API on the web starter. */
@AutoConfiguration
@ConditionalOnClass(name = "org.isecg.web.problem.ProblemDetailsHandler")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class AggregateProblemsAutoConfiguration {

    @Bean
    AggregateProblems aggregateProblems() {
        return new AggregateProblems();
    }
}
