/**
 * The agencies that may steward a standard: a local replica of the agency register, built from its
 * events, so that the catalogue checks stewards without calling another service.
 */
package org.isecg.standards.steward;
