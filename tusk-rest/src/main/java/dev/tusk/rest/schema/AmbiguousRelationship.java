package dev.tusk.rest.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PGRST201: more than one relationship fits the embedded name, so the request must name one with
 * {@code target!hint}. 300. Details list each candidate; the hint lists the spellings that pick one
 * (the foreign key's constraint name, or the junction's name for a many-to-many).
 */
public record AmbiguousRelationship(
    QualifiedName from, String target, List<Relationship> candidates) implements SchemaError {

  public AmbiguousRelationship {
    candidates = List.copyOf(candidates);
  }

  @Override
  public String code() {
    return "PGRST201";
  }

  @Override
  public int status() {
    return 300;
  }

  @Override
  public String message() {
    return "Could not embed because more than one relationship was found for '"
        + from.name()
        + "' and '"
        + target
        + "'";
  }

  @Override
  public Optional<Details> details() {
    return Optional.of(
        new Details.Candidates(candidates.stream().map(AmbiguousRelationship::describe).toList()));
  }

  @Override
  public Optional<String> hint() {
    return Optional.of(
        "Try changing '"
            + target
            + "' to one of the following: "
            + candidates.stream()
                .map(r -> "'" + embedding(r) + "'")
                .collect(Collectors.joining(", "))
            + ". Find the desired relationship in the 'details' key.");
  }

  /** {@code target!hint}: the spelling of an embed that selects exactly this relationship kind. */
  static String embedding(Relationship r) {
    return switch (r) {
      case Relationship.ForeignKeyRel fk -> fk.to().name() + "!" + fk.constraint();
      case Relationship.ManyToMany m2m -> m2m.target().name() + "!" + m2m.junction().name();
      case Relationship.Computed c -> c.function().name();
    };
  }

  static Details.Candidate describe(Relationship r) {
    String embedding = r.from().name() + " with " + r.to().name();
    String using =
        switch (r) {
          case Relationship.ForeignKeyRel fk ->
              fk.constraint()
                  + " using "
                  + fk.from().name()
                  + columns(fk.fromColumns())
                  + " and "
                  + fk.to().name()
                  + columns(fk.toColumns());
          case Relationship.ManyToMany m2m ->
              m2m.junction().name()
                  + " using "
                  + m2m.sourceKey().constraint()
                  + columns(m2m.sourceKey().fromColumns())
                  + " and "
                  + m2m.targetKey().constraint()
                  + columns(m2m.targetKey().fromColumns());
          case Relationship.Computed c -> c.function().toString();
        };
    return new Details.Candidate(r.cardinality().label(), embedding, using);
  }

  private static String columns(List<String> names) {
    return names.stream().collect(Collectors.joining(", ", "(", ")"));
  }
}
