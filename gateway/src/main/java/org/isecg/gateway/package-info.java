/**
 * The gateway: routes and per-route timeouts (application.yml), circuit breakers, request and rate
 * limits, CORS and security headers, each in its package; traces and the trace id in
 * X-Correlation-Id come from the web starter. It owns no data and does no work of the services
 * behind it (docs/gateway.md).
 */
package org.isecg.gateway;
