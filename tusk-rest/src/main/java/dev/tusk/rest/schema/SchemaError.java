package dev.tusk.rest.schema;

import java.util.List;
import java.util.Optional;

/**
 * Everything a schema-cache lookup can fail with, as values. Codes, statuses and messages are
 * PostgREST's (group PGRST2xx), so clients written against PostgREST keep working; the body a
 * client sees is {code, message, details, hint}. Details are text, except for the ambiguity errors
 * where PostgREST sends an array of candidates.
 */
public sealed interface SchemaError
    permits TableNotFound,
        ColumnNotFound,
        RelationshipNotFound,
        AmbiguousRelationship,
        RoutineNotFound,
        AmbiguousRoutine {

  String code();

  int status();

  String message();

  Optional<Details> details();

  Optional<String> hint();

  /** The {@code details} member of the error body. */
  sealed interface Details {

    /** A sentence. */
    record Text(String text) implements Details {}

    /** One object per candidate, each {cardinality, embedding, relationship}. */
    record Candidates(List<Candidate> candidates) implements Details {
      public Candidates {
        candidates = List.copyOf(candidates);
      }
    }

    /** One candidate relationship as PGRST201 lists it. */
    record Candidate(String cardinality, String embedding, String relationship) {}
  }
}
