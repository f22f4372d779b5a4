/**
 * Bearer token validation for every HTTP service and the gateway: the Hub's scopes, the decoder
 * (issuer, audience, times, RS256), 401 and 403 problem details with RFC 6750 challenges, the rules
 * per endpoint, and the {@link org.isecg.web.security.Caller} a validated token names.
 */
package org.isecg.web.security;
