/**
 * The authorization server's wiring: its settings, its endpoints (client credentials only), the
 * security of everything else, and the beans built from {@link org.isecg.identity.config.IdentityProperties}.
 */
package org.isecg.identity.config;
