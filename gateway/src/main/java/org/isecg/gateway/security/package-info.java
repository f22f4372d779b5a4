/**
 * The gateway's Spring Security chain: security headers on every response, CORS for browser
 * clients, the strict firewall; every request permitted until bearer tokens are validated here.
 */
package org.isecg.gateway.security;
