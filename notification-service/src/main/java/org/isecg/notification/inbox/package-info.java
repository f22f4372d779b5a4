/**
 * Each agency's inbox: an entry for every overlap that opens or resolves and involves the agency,
 * written exactly once however often the overlap event is delivered, and read and marked read by that
 * agency alone, as its notifications ({@code /api/v1/notifications}, the agency of the caller's token).
 */
package org.isecg.notification.inbox;
