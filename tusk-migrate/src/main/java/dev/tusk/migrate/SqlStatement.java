package dev.tusk.migrate;

/**
 * One statement of a migration file, as the splitter found it, with the line it starts on so that
 * errors can say {@code file:line}. The text has no terminating {@code ;} and starts at its first
 * token (comments before it belong to no statement).
 */
public sealed interface SqlStatement {

  /** The 1-based line of the statement's first token. */
  int line();

  /** The statement text sent to the server. */
  String sql();

  /** An ordinary statement. */
  record Plain(int line, String sql) implements SqlStatement {}

  /**
   * {@code COPY ... FROM stdin} with the data lines that followed it in the file, up to (not
   * including) the {@code \.} line. Each data line ends with a newline.
   *
   * @param dataLine the 1-based file line of the first data line
   */
  record CopyIn(int line, String sql, int dataLine, String data) implements SqlStatement {}
}
