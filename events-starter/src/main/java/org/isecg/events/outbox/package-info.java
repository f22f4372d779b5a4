/**
 * The outbox inside the aggregate document: a state change and its pending event are written in
 * one atomic single-document update, and the relay publishes the event afterwards, then removes it.
 */
package org.isecg.events.outbox;
