/** The OpenAPI description every service publishes at {@code /v3/api-docs}. */
package org.isecg.web.openapi;
