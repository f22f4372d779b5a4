/**
 * Persistent HTTP/1.1 connections keep serving requests: a workaround for a lost read of the HTTP
 * server's keep-alive handling, until the server's own fix can be taken.
 */
package org.isecg.web.connection;
