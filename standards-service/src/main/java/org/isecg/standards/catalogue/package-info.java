/**
 * The catalogue of interface standards: working groups publish standards and revise them. Every
 * change is a standard event, written with the standard in one document update (the outbox).
 */
package org.isecg.standards.catalogue;
