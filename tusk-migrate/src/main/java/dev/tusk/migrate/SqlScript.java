package dev.tusk.migrate;

import java.util.List;

/**
 * A migration file split into statements. {@code transactional} is false when the file's first line
 * is {@code -- tusk:no-transaction}: its statements then run one by one in autocommit, which {@code
 * CREATE INDEX CONCURRENTLY} and a few other commands need, at the price that a failure leaves the
 * statements before it applied.
 *
 * @param file the file name, for messages
 * @param text the file's text (line ends normalised to LF), what a dry run shows
 */
public record SqlScript(
    String file, boolean transactional, List<SqlStatement> statements, String text) {

  public SqlScript {
    statements = List.copyOf(statements);
  }
}
