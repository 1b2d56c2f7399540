package dev.tusk.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A result of a migrate operation that a person or a program reads: {@link #toText()} is the
 * readable table the CLI prints, {@link #toJson()} what {@code --json} prints. Both are built from
 * the same typed fields, so they cannot disagree.
 */
public sealed interface MigrateReport
    permits RunResult, StatusResult, ValidateResult, BaselineResult, RepairResult {

  String toText();

  ObjectNode toJson();

  /** {@link #toJson()} as indented text. */
  default String toJsonText() {
    return toJson().toPrettyString();
  }
}
