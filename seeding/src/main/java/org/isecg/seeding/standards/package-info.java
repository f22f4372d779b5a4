/**
 * The catalogue of interface standards: one standard per code with its revisions, read from
 * {@code datasets/standards.csv} and brought into the catalogue through {@code /api/v1/standards}.
 */
package org.isecg.seeding.standards;
