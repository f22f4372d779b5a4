/**
 * The agency register's reference data: the ISECG members and the non-members that own plans, read from
 * {@code datasets/agencies.csv} and brought into the register through {@code /api/v1/agencies}.
 */
package org.isecg.seeding.agencies;
