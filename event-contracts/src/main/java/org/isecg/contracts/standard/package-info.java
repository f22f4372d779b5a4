/** Events of interface standards (topic {@code standards}), written by standards-service. */
package org.isecg.contracts.standard;
