/**
 * Circuit breakers (Resilience4j, one per route, configured in application.yml) and their fallback:
 * a service that is down or stalled is a fast 503 problem detail with Retry-After.
 */
package org.isecg.gateway.resilience;
