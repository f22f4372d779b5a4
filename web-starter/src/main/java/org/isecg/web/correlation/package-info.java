/**
 * Correlation ids: taken from (or given to) every HTTP request, put in the logs of everything
 * done for it, and carried into the events it causes and the work those events cause in turn.
 */
package org.isecg.web.correlation;
