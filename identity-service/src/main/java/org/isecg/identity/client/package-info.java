/**
 * The clients of the token endpoint, built from configuration: one per agency, the secretariat, the
 * standards board and the operators, each with its scopes, its agency and its hashed secret.
 */
package org.isecg.identity.client;
