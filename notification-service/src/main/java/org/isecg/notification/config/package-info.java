/** Wiring of the notifier's inputs: which handler consumes which topic. */
package org.isecg.notification.config;
