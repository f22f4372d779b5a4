/** Small web conventions every service's API follows: versions as ETags, optimistic concurrency with If-Match. */
package org.isecg.web.resource;
