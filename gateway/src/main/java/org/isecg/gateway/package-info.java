/**
 * The gateway: routes (application.yml), correlation ids, timeouts and request limits. It owns no
 * data and does no work of the services behind it.
 */
package org.isecg.gateway;
