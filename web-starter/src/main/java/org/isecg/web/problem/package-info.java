/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}) with field-level messages:
 * bad input gets a clear 4xx, never a 5xx.
 */
package org.isecg.web.problem;
