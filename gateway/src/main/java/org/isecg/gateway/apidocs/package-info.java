/**
 * The Hub's API in one document: the gateway gathers every service's OpenAPI document into one, serves
 * each service's too, and the Swagger UI that reads them (docs/gateway.md, "API documents").
 */
package org.isecg.gateway.apidocs;
