/**
 * The key that signs every token: one RSA key in a PEM file, generated on the first start of the
 * embedded default and loaded on every later one, so that tokens outlive a restart of the issuer.
 */
package org.isecg.identity.key;
