package dev.tusk.rest.schema;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgREST's overload resolution, which works on argument names because the request carries no
 * types: a function fits when every argument names one of its inputs and every input without a
 * default is given. When no function fits by name, a function with a single unnamed parameter of
 * the body's type ({@code json}/{@code jsonb}, {@code text}, {@code xml}, {@code bytea}) takes the
 * whole body. Several fits are PGRST203, none is PGRST202.
 */
final class RoutineMatcher {

  private RoutineMatcher() {}

  static Lookup<Routine> find(
      QualifiedName name,
      List<Routine> overloads,
      List<String> argumentKeys,
      RpcPayload payload,
      Collection<QualifiedName> allRoutines) {
    Set<String> keys = new LinkedHashSet<>(argumentKeys);
    List<Routine> byName =
        payload == RpcPayload.QUERY || payload == RpcPayload.JSON
            ? overloads.stream().filter(r -> takesNamed(r, keys)).toList()
            : List.of();
    List<Routine> fits =
        byName.isEmpty()
            ? overloads.stream().filter(r -> takesWholeBody(r, payload)).toList()
            : byName;
    if (fits.size() == 1) {
      return Lookup.found(fits.get(0));
    }
    if (fits.size() > 1) {
      return Lookup.failed(new AmbiguousRoutine(name, fits));
    }
    return Lookup.failed(
        new RoutineNotFound(
            name, List.copyOf(keys), payload, suggestion(name, overloads, keys, allRoutines)));
  }

  static boolean takesNamed(Routine r, Set<String> keys) {
    Set<String> inputs = new HashSet<>();
    for (RoutineParam p : r.inputs()) {
      if (!p.hasDefault() && !keys.contains(p.name())) {
        return false; // also rejects a required unnamed parameter: no key can name it
      }
      inputs.add(p.name());
    }
    return inputs.containsAll(keys);
  }

  static boolean takesWholeBody(Routine r, RpcPayload payload) {
    List<RoutineParam> inputs = r.inputs();
    return inputs.size() == 1
        && inputs.get(0).name().isEmpty()
        && payload.wholeBodyTypes().contains(inputs.get(0).type());
  }

  private static Optional<String> suggestion(
      QualifiedName name,
      List<Routine> overloads,
      Set<String> keys,
      Collection<QualifiedName> allRoutines) {
    if (!overloads.isEmpty()) {
      Routine nearest = overloads.get(0);
      int best = Integer.MAX_VALUE;
      for (Routine r : overloads) {
        Set<String> diff = new HashSet<>(keys);
        r.inputs().forEach(p -> diff.remove(p.name()));
        int missing = (int) r.inputs().stream().filter(p -> !keys.contains(p.name())).count();
        if (diff.size() + missing < best) {
          best = diff.size() + missing;
          nearest = r;
        }
      }
      return Optional.of(
          "Perhaps you meant to call the function "
              + name
              + "("
              + String.join(", ", nearest.inputs().stream().map(RoutineParam::name).toList())
              + ")");
    }
    List<String> sameSchema =
        allRoutines.stream()
            .filter(q -> q.schema().equals(name.schema()))
            .map(QualifiedName::name)
            .toList();
    return Suggestions.closest(name.name(), sameSchema)
        .map(n -> "Perhaps you meant to call the function " + new QualifiedName(name.schema(), n));
  }
}
