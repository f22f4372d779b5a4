/**
 * Where the events starter meets the web starter: failed aggregate writes as problem details.
 * Present only in services that have an HTTP API.
 */
package org.isecg.events.web;
