/** How every service maps its documents: dates and instants in UTC, whatever the machine's time zone. */
package org.isecg.events.mongo;
