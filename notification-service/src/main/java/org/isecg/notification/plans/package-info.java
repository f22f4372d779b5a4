/**
 * The notifier's projection of roadmap plans, built from plan events and indexed by destination,
 * capability and window so that detection reads only the plans a change can touch.
 */
package org.isecg.notification.plans;
