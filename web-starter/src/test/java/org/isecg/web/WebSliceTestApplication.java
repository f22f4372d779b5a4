package org.isecg.web;

import org.springframework.boot.SpringBootConfiguration;

/**
 * The configuration the web starter's {@code @WebFluxTest} slices find: nothing of its own, so that
 * each slice holds only the test controller it imports and what the starter contributes to slices
 * (problem details, correlation ids).
 */
@SpringBootConfiguration
public class WebSliceTestApplication {
}
