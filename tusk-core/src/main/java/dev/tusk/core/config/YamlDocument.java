package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns config text into one snakeyaml node tree, which keeps every value's line and column.
 *
 * <p>A first pass over the parser's events refuses what the composer would handle badly or not at
 * all: nesting deeper than {@link #MAX_DEPTH} (the composer recurses, so a file of ten thousand
 * {@code [} would overflow the stack), more than {@link #MAX_ALIASES} aliases (the "billion laughs"
 * shape), and more than one document. The parser itself keeps an explicit stack, so that first pass
 * is safe on any input. Duplicate keys are left to {@link YamlMap}, which can name both places.
 */
final class YamlDocument {

  static final int MAX_DEPTH = 20;
  static final int MAX_ALIASES = 50;

  private YamlDocument() {}

  /** The root node, or empty for a file with no document (empty, or only comments). */
  static Optional<Node> parse(String text, String label) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setUseMarks(true)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(text.length() + 1)
            .build();
    try {
      precheck(settings, text, label);
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Location where = Location.of(label, e.getProblemMark().or(e::getContextMark));
      String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
      String hint =
          lineAt(text, where.line()).contains("${")
              ? "inside { } or [ ] a ${...} reference must be quoted: \"${env:NAME}\""
              : hintFor(problem);
      throw parseError(where + ": " + clean(problem), hint);
    } catch (YamlEngineException e) {
      throw parseError(label + ": " + clean(e.getMessage()), hintFor(e.getMessage()));
    }
  }

  private static void precheck(LoadSettings settings, String text, String label) {
    int depth = 0;
    int aliases = 0;
    int documents = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            throw parseError(
                Location.of(label, event.getStartMark())
                    + ": nested more than "
                    + MAX_DEPTH
                    + " levels deep",
                "a Tusk config is at most a few levels deep; check the indentation");
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        case Alias -> {
          if (++aliases > MAX_ALIASES) {
            throw parseError(
                Location.of(label, event.getStartMark())
                    + ": more than "
                    + MAX_ALIASES
                    + " aliases (*name)",
                "write the values out; so many aliases look like an alias bomb");
          }
        }
        case DocumentStart -> {
          if (++documents > 1) {
            throw parseError(
                Location.of(label, event.getStartMark())
                    + ": a second YAML document starts here; tusk.yaml holds exactly one",
                "remove the '---' line and everything after it, or merge the documents");
          }
        }
        default -> {}
      }
    }
  }

  private static String lineAt(String text, int line) {
    return line < 1 ? "" : text.lines().skip(line - 1).findFirst().orElse("");
  }

  private static String clean(String problem) {
    return problem == null ? "invalid YAML" : problem.replace("\t", "\\t").strip();
  }

  private static String hintFor(String problem) {
    if (problem != null && (problem.contains("\t") || problem.contains("(TAB)"))) {
      return "indent with spaces; YAML does not allow tabs for indentation";
    }
    return "fix the YAML syntax at that place (a YAML linter shows the structure it sees)";
  }

  private static ConfigException parseError(String message, String hint) {
    return new ConfigException(ConfigErrors.PARSE_ERROR, "cannot parse " + message, hint);
  }
}
