/** Events of overlaps between agencies' plans (topic {@code overlaps}), written by notification-service. */
package org.isecg.contracts.overlap;
