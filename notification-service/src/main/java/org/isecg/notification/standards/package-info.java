/**
 * The notifier's projection of the interface standards, kept from the standards topic's v2 events:
 * what a plan's declared conformance refers to, and the operator's view of it on the management port.
 */
package org.isecg.notification.standards;
