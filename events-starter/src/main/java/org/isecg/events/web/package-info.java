/**
 * Where the events starter meets the web starter: failed aggregate writes as problem details, and
 * create endpoints whose idempotency keys are stored in the created aggregate. Present only in
 * services that have an HTTP API.
 */
package org.isecg.events.web;
