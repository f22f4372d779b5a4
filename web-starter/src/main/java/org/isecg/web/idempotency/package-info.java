/**
 * Safe retries of creates with the {@code Idempotency-Key} request header (IETF httpapi draft): the
 * key's syntax, the fingerprint of a request, who the caller is, which keys are in flight on this
 * instance, and how a first response is recorded and replayed. Where keys are stored is the events
 * starter's business.
 */
package org.isecg.web.idempotency;
