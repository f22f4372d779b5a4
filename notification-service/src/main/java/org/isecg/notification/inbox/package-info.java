/**
 * Each agency's inbox: an entry for every overlap that opens or resolves and involves the agency,
 * written exactly once however often the overlap event is delivered.
 */
package org.isecg.notification.inbox;
