/**
 * The topics, declared from the contracts with their partitions, replication and retention, not
 * created implicitly by the broker or the binder.
 */
package org.isecg.events.topics;
