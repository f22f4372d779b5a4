/**
 * Request limits at the edge (OWASP API4): request target, header fields and body, each refused
 * with a problem detail that names the limit, before any service sees the request.
 */
package org.isecg.gateway.limits;
