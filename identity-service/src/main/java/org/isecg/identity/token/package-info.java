/**
 * What goes into an access token and how token requests are read: the Hub's claims, the client's
 * scopes when it asks for none, and the authorizations kept only while their tokens live.
 */
package org.isecg.identity.token;
