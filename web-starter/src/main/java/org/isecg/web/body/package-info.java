/**
 * Request bodies are read strictly: a field the request's record does not have, or one it declares
 * server-owned ({@link org.isecg.web.body.ServerOwned}), refuses the whole body with a 400 naming them all.
 */
package org.isecg.web.body;
