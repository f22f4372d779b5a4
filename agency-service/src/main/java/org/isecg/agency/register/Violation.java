package org.isecg.agency.register;

/** A rule an agency entry breaks: the field at fault and why. */
record Violation(String field, String message) {
}
