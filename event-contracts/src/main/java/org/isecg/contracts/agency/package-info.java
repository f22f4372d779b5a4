/** Events of the agency register (topic {@code agencies}), written by agency-service. */
package org.isecg.contracts.agency;
