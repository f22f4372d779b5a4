/**
 * The agency register as the issuer sees it: each agency's status, read from the register's events,
 * so that the clients of an inactive agency get no more tokens.
 */
package org.isecg.identity.agency;
