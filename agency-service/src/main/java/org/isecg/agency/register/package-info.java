/**
 * The agency register: registering agencies and keeping their entries current. Every change is
 * an agency event, written with the entry in one document update (the outbox).
 */
package org.isecg.agency.register;
