/**
 * The gateway: routes (application.yml), timeouts and request limits; traces and the trace id in
 * X-Correlation-Id come from the web starter. It owns no data and does no work of the services
 * behind it.
 */
package org.isecg.gateway;
