/**
 * The seeding tool: loads the Hub's reference data into a deployment through its public API with a
 * client-credentials token, creating what is missing and never overwriting what a person changed.
 */
package org.isecg.seeding;
