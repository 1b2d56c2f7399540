package dev.tusk.migrate.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What {@code tusk migrate lint} found, with what it checked. With {@code strict}, warnings count
 * as errors: they are shown as errors and fail the run. Text and JSON are built from the same
 * fields.
 *
 * @param files how many files were read (up files and repeatables)
 * @param suppressed findings switched off by {@code tusk-lint-ignore} comments
 * @param sizesFromDatabase whether table sizes came from a database (else offline)
 */
public record LintResult(
    List<LintFinding> findings,
    int files,
    int statements,
    int suppressed,
    List<String> exposedSchemas,
    boolean sizesFromDatabase,
    long largeTableRows) {

  public LintResult {
    findings = List.copyOf(findings);
    exposedSchemas = List.copyOf(exposedSchemas);
  }

  public long errors(boolean strict) {
    return findings.stream().filter(f -> severity(f, strict) == Severity.ERROR).count();
  }

  public long warnings(boolean strict) {
    return findings.size() - errors(strict);
  }

  /** True when the run fails: any error, or with {@code strict} any finding. */
  public boolean failed(boolean strict) {
    return errors(strict) > 0;
  }

  /**
   * {@code file:line:col: severity [rule] message} and a hint line per finding, notes, a summary.
   *
   * @param path how to show a file name (the CLI shows it relative to the working directory)
   */
  public String toText(boolean strict, UnaryOperator<String> path) {
    StringBuilder out = new StringBuilder();
    for (LintFinding f : findings) {
      out.append(path.apply(f.file())).append(':').append(f.line()).append(':');
      out.append(f.column()).append(": ").append(severity(f, strict).label());
      out.append(" [").append(f.rule().id()).append("] ").append(f.message()).append('\n');
      out.append("  hint: ").append(f.hint()).append('\n');
    }
    if (exposedSchemas.isEmpty()) {
      out.append(
          "note: rls-missing not checked: the REST API exposes no schema of this database\n");
    }
    return out.append(summary(strict)).append('\n').toString();
  }

  private String summary(boolean strict) {
    String where = " in " + files + " file(s), " + statements + " statement(s)";
    String hidden = suppressed == 0 ? "" : "; " + suppressed + " suppressed";
    if (findings.isEmpty()) {
      return "No findings" + where + hidden + ".";
    }
    return errors(strict)
        + " error(s), "
        + warnings(strict)
        + " warning(s)"
        + where
        + hidden
        + (strict && findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)
            ? " (--strict: warnings count as errors)."
            : ".");
  }

  public ObjectNode toJson(boolean strict, UnaryOperator<String> path) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ok", !failed(strict));
    root.put("strict", strict);
    ArrayNode list = root.putArray("findings");
    for (LintFinding f : findings) {
      ObjectNode o = list.addObject();
      o.put("rule", f.rule().id());
      o.put("severity", severity(f, strict).label());
      o.put("file", path.apply(f.file()));
      o.put("line", f.line());
      o.put("column", f.column());
      o.put("message", f.message());
      o.put("hint", f.hint());
    }
    ObjectNode counts = root.putObject("counts");
    counts.put("error", errors(strict));
    counts.put("warning", warnings(strict));
    counts.put("suppressed", suppressed);
    ObjectNode checked = root.putObject("checked");
    checked.put("files", files);
    checked.put("statements", statements);
    ArrayNode schemas = checked.putArray("exposed_schemas");
    exposedSchemas.forEach(schemas::add);
    checked.put("table_sizes", sizesFromDatabase ? "database" : "offline");
    checked.put("large_table_rows", largeTableRows);
    return root;
  }

  private static Severity severity(LintFinding f, boolean strict) {
    return strict ? Severity.ERROR : f.severity();
  }
}
