package dev.tusk.rest.schema;

import dev.tusk.rest.schema.Catalog.RoutineRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link CatalogSql#ROUTINES} rows into routines. {@code pg_proc} keeps parameters as
 * parallel arrays (names, modes, types) where absent names or modes mean "unnamed" and "IN", and
 * the last {@code pronargdefaults} inputs are the ones with defaults.
 */
final class RoutineRows {

  List<RoutineRow> read(Connection connection, Array schemas) throws SQLException {
    List<RoutineRow> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(CatalogSql.ROUTINES)) {
      ps.setArray(1, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  private static RoutineRow row(ResultSet rs) throws SQLException {
    QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
    boolean setOf = rs.getBoolean(4);
    List<String> types = SqlArrays.strings(rs.getArray(10));
    List<RoutineParam> params =
        params(
            SqlArrays.strings(rs.getArray(8)),
            SqlArrays.strings(rs.getArray(9)),
            types,
            rs.getInt(6));
    RoutineReturn returns = returns(rs.getString(12), rs.getString(13), rs, setOf);
    long returnRelid = "c".equals(rs.getString(12)) ? rs.getLong(14) : 0;
    Routine routine =
        new Routine(
            name,
            params,
            returns,
            Volatility.fromProvolatile(rs.getString(3)),
            rs.getBoolean(7),
            Optional.ofNullable(rs.getString(17)));
    return new RoutineRow(routine, SqlArrays.longs(rs.getArray(11)), returnRelid, rs.getDouble(5));
  }

  static List<RoutineParam> params(
      List<String> names, List<String> modes, List<String> types, int defaults) {
    int inputs = 0;
    for (int i = 0; i < types.size(); i++) {
      if (mode(modes, i).isInput()) {
        inputs++;
      }
    }
    List<RoutineParam> params = new ArrayList<>();
    int input = 0;
    for (int i = 0; i < types.size(); i++) {
      ParamMode mode = mode(modes, i);
      boolean hasDefault = false;
      if (mode.isInput()) {
        hasDefault = input >= inputs - defaults;
        input++;
      }
      String name = i < names.size() && names.get(i) != null ? names.get(i) : "";
      params.add(new RoutineParam(name, types.get(i), mode, hasDefault));
    }
    return params;
  }

  private static ParamMode mode(List<String> modes, int i) {
    return modes.isEmpty() ? ParamMode.IN : ParamMode.fromArgmode(modes.get(i));
  }

  private static RoutineReturn returns(String typtype, String type, ResultSet rs, boolean setOf)
      throws SQLException {
    if ("c".equals(typtype)) {
      return new RoutineReturn.Composite(
          new QualifiedName(rs.getString(15), rs.getString(16)), setOf);
    }
    if ("p".equals(typtype) && "void".equals(type)) {
      return new RoutineReturn.Void();
    }
    if ("p".equals(typtype) && "record".equals(type)) {
      return new RoutineReturn.Record(setOf);
    }
    return new RoutineReturn.Scalar(type, setOf);
  }
}
