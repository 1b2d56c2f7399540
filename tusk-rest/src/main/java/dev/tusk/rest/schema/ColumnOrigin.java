package dev.tusk.rest.schema;

/** Where a view column's values come from: column {@code attnum} of relation {@code relid}. */
record ColumnOrigin(long relid, int attnum) {}
