package dev.tusk.rest.query;

import java.util.List;

/** Renders a {@link Source} as a FROM item with its alias. */
final class SourceSql {

  private SourceSql() {}

  static void render(Sql sql, Source source, String alias) {
    switch (source) {
      case Source.Relation r -> sql.qualified(r.name()).raw(" AS ").ident(alias);
      case Source.Cte c -> sql.ident(c.name()).raw(" AS ").ident(alias);
      case Source.Computed c ->
          sql.qualified(c.function()).raw("(").ident(c.parentAlias()).raw(".*) AS ").ident(alias);
      case Source.Call call -> call(sql, call, alias);
    }
  }

  private static void call(Sql sql, Source.Call call, String alias) {
    if (call.args() instanceof Source.CallArgs.FromJson json) {
      sql.raw("json_to_record(").param(json.json()).raw("::json) AS ").ident(json.recordAlias());
      sql.raw("(");
      sql.join(json.params(), ", ", (s, p) -> s.ident(p.name()).raw(" ").raw(p.type()));
      sql.raw(") CROSS JOIN LATERAL ");
    }
    sql.qualified(call.function()).raw("(");
    switch (call.args()) {
      case Source.CallArgs.None none -> {}
      case Source.CallArgs.Named named ->
          sql.join(
              named.args(),
              ", ",
              (s, a) ->
                  s.raw(a.variadic() ? "VARIADIC " : "")
                      .ident(a.name())
                      .raw(" := ")
                      .param(a.value())
                      .raw("::")
                      .raw(a.type()));
      case Source.CallArgs.FromJson json -> fromJson(sql, json.recordAlias(), json.params());
      case Source.CallArgs.Whole whole -> {
        whole.name().ifPresent(n -> sql.ident(n).raw(" := "));
        sql.param(whole.value()).raw("::").raw(whole.type());
      }
    }
    sql.raw(") AS ").ident(alias);
    call.scalarColumn().ifPresent(c -> sql.raw("(").ident(c).raw(")"));
  }

  private static void fromJson(Sql sql, String record, List<Source.Param> params) {
    sql.join(
        params,
        ", ",
        (s, p) ->
            s.raw(p.variadic() ? "VARIADIC " : "")
                .ident(p.name())
                .raw(" := ")
                .column(record, p.name()));
  }
}
