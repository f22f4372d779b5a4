/** Events of roadmap plans (topic {@code roadmap-plans}), written by roadmap-service. */
package org.isecg.contracts.roadmap;
