/**
 * Local replicas of the agency register and the standards, built from their events, so that the
 * roadmap validates plans without calling another service.
 */
package org.isecg.roadmap.replica;
