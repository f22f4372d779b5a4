package org.isecg.seeding;

/**
 * A field whose value in the register is not the dataset's.
 *
 * @param dataset  the dataset's value, as JSON text ({@code null} for none)
 * @param register the register's value, as JSON text
 */
public record FieldDifference(String field, String dataset, String register) {

    @Override
    public String toString() {
        return field + " is " + register + " in the register, " + dataset + " in the dataset";
    }
}
