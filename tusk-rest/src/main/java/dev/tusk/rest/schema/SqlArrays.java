package dev.tusk.rest.schema;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** SQL arrays from the catalog queries as lists; a NULL array is an empty list. */
final class SqlArrays {

  private SqlArrays() {}

  static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }

  static List<Integer> ints(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Integer[]) array.getArray());
  }

  static List<Long> longs(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Long[]) array.getArray());
  }
}
