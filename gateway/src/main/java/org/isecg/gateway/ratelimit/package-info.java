/**
 * Per-client rate limits, in-process per gateway instance: a token bucket per client key, a 429
 * problem detail with Retry-After when it is empty.
 */
package org.isecg.gateway.ratelimit;
