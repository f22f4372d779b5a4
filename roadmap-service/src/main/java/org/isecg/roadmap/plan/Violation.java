package org.isecg.roadmap.plan;

/** A rule a plan breaks: the field at fault and why. */
record Violation(String field, String message) {
}
