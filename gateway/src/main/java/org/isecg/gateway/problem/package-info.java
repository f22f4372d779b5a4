/**
 * The gateway's own answers as RFC 9457 problem details, with the web starter's types: requests it
 * refuses (limits, rate, method, origin) and paths no route takes.
 */
package org.isecg.gateway.problem;
