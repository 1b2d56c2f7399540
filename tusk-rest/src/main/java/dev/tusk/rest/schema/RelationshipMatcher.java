package dev.tusk.rest.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgREST's rules for which relationships an embed {@code target!hint} can mean, starting from
 * one relation.
 *
 * <p>The target may name the related table or view, a foreign key's constraint, or the column that
 * holds a single-column key on the origin side ({@code client_id(*)}). The optional hint narrows
 * the candidates to those whose constraint name, key column (either end of a single-column key) or
 * junction name it equals. A computed relationship (a function named like the target) overrides
 * detected ones. As in PostgREST, the target must be in the origin's schema: a foreign key to
 * another schema, exposed or not, is no embed (PGRST200); a view in the origin's schema bridges it.
 */
final class RelationshipMatcher {

  private RelationshipMatcher() {}

  static List<Relationship> candidates(
      QualifiedName from, List<Relationship> fromRels, String target, Optional<String> hint) {
    List<Relationship> computed = new ArrayList<>();
    List<Relationship> detected = new ArrayList<>();
    for (Relationship r : fromRels) {
      if (r instanceof Relationship.Computed c) {
        if (hint.isEmpty() && c.function().name().equals(target)) {
          computed.add(c);
        }
        continue;
      }
      if (r.to().schema().equals(from.schema())
          && matchesTarget(r, target)
          && hint.map(h -> matchesHint(r, h)).orElse(true)) {
        detected.add(r);
      }
    }
    return List.copyOf(computed.isEmpty() ? detected : computed);
  }

  static boolean matchesTarget(Relationship r, String target) {
    return switch (r) {
      case Relationship.ForeignKeyRel fk ->
          fk.to().name().equals(target)
              || fk.constraint().equals(target)
              || (fk.fromHoldsKey() && single(fk.fromColumns(), target));
      case Relationship.ManyToMany m2m -> m2m.target().name().equals(target);
      case Relationship.Computed c -> c.function().name().equals(target);
    };
  }

  static boolean matchesHint(Relationship r, String hint) {
    return switch (r) {
      case Relationship.ForeignKeyRel fk ->
          fk.constraint().equals(hint)
              || single(fk.fromColumns(), hint)
              || single(fk.toColumns(), hint);
      case Relationship.ManyToMany m2m -> m2m.junction().name().equals(hint);
      case Relationship.Computed c -> false;
    };
  }

  private static boolean single(List<String> columns, String name) {
    return columns.size() == 1 && columns.get(0).equals(name);
  }

  /**
   * PGRST200's hint: a close name among the relations reachable from {@code from}, or, when nothing
   * is reachable from it, a close name among the relations something is reachable from.
   */
  static Optional<String> suggestion(
      Map<QualifiedName, List<Relationship>> all, QualifiedName from, String target) {
    List<Relationship> fromRels =
        all.getOrDefault(from, List.of()).stream()
            .filter(
                r -> r instanceof Relationship.Computed || r.to().schema().equals(from.schema()))
            .toList();
    if (fromRels.isEmpty()) {
      List<String> origins =
          all.keySet().stream()
              .filter(q -> q.schema().equals(from.schema()))
              .map(QualifiedName::name)
              .toList();
      return Suggestions.closest(from.name(), origins)
          .filter(n -> !n.equals(from.name()))
          .map(n -> "Perhaps you meant '" + n + "' instead of '" + from.name() + "'.");
    }
    List<String> targets =
        fromRels.stream().map(RelationshipMatcher::embedName).distinct().toList();
    return Suggestions.closest(target, targets)
        .filter(n -> !n.equals(target))
        .map(n -> "Perhaps you meant '" + n + "' instead of '" + target + "'.");
  }

  private static String embedName(Relationship r) {
    return switch (r) {
      case Relationship.Computed c -> c.function().name();
      default -> r.to().name();
    };
  }
}
