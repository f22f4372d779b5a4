/**
 * The contract between the Hub's services: every published event as an immutable record, the
 * topics they travel on and their CloudEvents type names. A breaking change is a new event
 * version (a new type name and record), never an edit in place.
 */
package org.isecg.contracts;
