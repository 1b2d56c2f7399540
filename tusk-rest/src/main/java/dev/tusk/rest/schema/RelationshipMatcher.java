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
 * detected ones. Tusk also embeds across exposed schemas: a relation in the origin's own schema
 * wins, so every embed that works in PostgREST resolves the same way here.
 */
final class RelationshipMatcher {

  private RelationshipMatcher() {}

  static List<Relationship> candidates(
      QualifiedName from, List<Relationship> fromRels, String target, Optional<String> hint) {
    List<Relationship> computed = new ArrayList<>();
    List<Relationship> sameSchema = new ArrayList<>();
    List<Relationship> otherSchema = new ArrayList<>();
    for (Relationship r : fromRels) {
      if (r instanceof Relationship.Computed c) {
        if (hint.isEmpty() && c.function().name().equals(target)) {
          computed.add(c);
        }
        continue;
      }
      if (matchesTarget(r, target) && hint.map(h -> matchesHint(r, h)).orElse(true)) {
        (r.to().schema().equals(from.schema()) ? sameSchema : otherSchema).add(r);
      }
    }
    if (!computed.isEmpty()) {
      return List.copyOf(computed);
    }
    return List.copyOf(sameSchema.isEmpty() ? otherSchema : sameSchema);
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
    List<Relationship> fromRels = all.getOrDefault(from, List.of());
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
