/**
 * The overlap rules, in plain Java: which pairs of plans overlap, how, and how much it matters.
 * No Spring here; the adapters in the sibling packages feed it plans and store what it finds.
 */
package org.isecg.notification.detection;
