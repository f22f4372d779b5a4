/**
 * The gateway's Spring Security chain: security headers on every response, CORS for browser
 * clients, the strict firewall, and bearer tokens validated on every request under {@code /api/}.
 */
package org.isecg.gateway.security;
