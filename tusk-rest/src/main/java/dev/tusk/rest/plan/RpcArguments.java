package dev.tusk.rest.plan;

import dev.tusk.rest.query.ArrayLiteral;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.request.RpcArgument;
import dev.tusk.rest.schema.ParamMode;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A call's arguments in the shape the SQL passes them: named and cast to each parameter's declared
 * type. Query-string values are text (a repeated name fills a VARIADIC parameter, otherwise the
 * first value counts); a JSON body is one parameter that {@code json_to_record} converts.
 */
final class RpcArguments {

  private RpcArguments() {}

  static List<String> names(List<RpcArgument> args) {
    Set<String> names = new LinkedHashSet<>();
    args.forEach(a -> names.add(a.name()));
    return List.copyOf(names);
  }

  static Source.CallArgs fromQuery(Routine r, List<RpcArgument> args) {
    List<Source.Arg> out = new ArrayList<>();
    for (RoutineParam p : r.inputs()) {
      List<String> values =
          args.stream().filter(a -> a.name().equals(p.name())).map(RpcArgument::value).toList();
      if (values.isEmpty() || p.name().isEmpty()) {
        continue;
      }
      boolean variadic = p.mode() == ParamMode.VARIADIC;
      String value = variadic ? ArrayLiteral.of(values) : values.get(0);
      out.add(new Source.Arg(p.name(), p.type(), variadic, value));
    }
    return out.isEmpty() ? new Source.CallArgs.None() : new Source.CallArgs.Named(out);
  }

  static Source.CallArgs fromJson(Routine r, List<String> keys, String json, String recordAlias) {
    List<Source.Param> params = new ArrayList<>();
    for (RoutineParam p : r.inputs()) {
      if (!p.name().isEmpty() && keys.contains(p.name())) {
        params.add(new Source.Param(p.name(), p.type(), p.mode() == ParamMode.VARIADIC));
      }
    }
    return params.isEmpty()
        ? new Source.CallArgs.None()
        : new Source.CallArgs.FromJson(json, recordAlias, params);
  }
}
