/**
 * Overlaps: detecting them on every plan event, keeping each one's life (open, updated, resolved)
 * with its events in its own document, and the API that lists them.
 */
package org.isecg.notification.overlap;
