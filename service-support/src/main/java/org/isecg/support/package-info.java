/**
 * The chassis every Hub service shares, and nothing more: the outbox and its relay, inbound event
 * handling, RFC 9457 problem details and correlation ids. Each feature is auto-configured.
 */
package org.isecg.support;
