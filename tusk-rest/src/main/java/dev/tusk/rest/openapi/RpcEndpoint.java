package dev.tusk.rest.openapi;

import dev.tusk.rest.schema.ParamMode;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import dev.tusk.rest.schema.Volatility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code /rpc/name} path, which serves every overload of the function. PostgREST writes one
 * path per overload into the same key, so one overload wins at random; Tusk merges them: the
 * arguments are the union of the overloads' named inputs (first declaration's type), an argument is
 * required only when every overload requires it, GET is offered when any overload is not volatile,
 * and the description and result come from the first overload (fewest arguments, then by
 * signature).
 *
 * @param unnamedBody the type of the single unnamed input of the first overload (a raw JSON body,
 *     {@code f(json)}), if it has one and no named inputs
 */
record RpcEndpoint(
    QualifiedName name,
    List<Arg> args,
    boolean get,
    Optional<String> description,
    RoutineReturn returns,
    List<RoutineParam> outputs,
    Optional<PgType> unnamedBody) {

  /** A named input; {@code variadic} ones take repeated query parameters. */
  record Arg(String name, PgType type, boolean required, boolean variadic) {}

  RpcEndpoint {
    args = List.copyOf(args);
    outputs = List.copyOf(outputs);
  }

  static RpcEndpoint of(List<Routine> overloads) {
    if (overloads.isEmpty()) {
      throw new IllegalArgumentException("a function has at least one overload");
    }
    List<Routine> ordered =
        overloads.stream()
            .sorted(
                Comparator.<Routine>comparingInt(r -> r.inputs().size())
                    .thenComparing(Routine::signature))
            .toList();
    Map<String, Arg> args = new LinkedHashMap<>();
    for (Routine r : ordered) {
      for (RoutineParam p : r.inputs()) {
        if (!p.name().isEmpty()) {
          args.putIfAbsent(
              p.name(),
              new Arg(p.name(), PgType.of(p.type()), true, p.mode() == ParamMode.VARIADIC));
        }
      }
    }
    List<Arg> merged = new ArrayList<>();
    for (Arg a : args.values()) {
      boolean required = ordered.stream().allMatch(r -> requires(r, a.name()));
      merged.add(new Arg(a.name(), a.type(), required, a.variadic()));
    }
    Routine first = ordered.get(0);
    List<RoutineParam> inputs = first.inputs();
    Optional<PgType> unnamed =
        inputs.size() == 1 && inputs.get(0).name().isEmpty()
            ? Optional.of(PgType.of(inputs.get(0).type()))
            : Optional.empty();
    return new RpcEndpoint(
        first.name(),
        merged,
        ordered.stream().anyMatch(r -> r.volatility() != Volatility.VOLATILE),
        ordered.stream().flatMap(r -> r.description().stream()).findFirst(),
        first.returns(),
        first.outputs(),
        unnamed);
  }

  private static boolean requires(Routine r, String arg) {
    return r.inputs().stream().anyMatch(p -> p.name().equals(arg) && !p.hasDefault());
  }

  /** The summary/description split of the description. */
  Comment comment() {
    return Comment.of(description);
  }
}
