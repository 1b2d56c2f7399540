package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects findings, dropping (and counting) those that the statement's {@code tusk-lint-ignore}
 * comments switch off, and hands them back in file run order, then line and column.
 */
final class Findings {

  private record Entry(int order, LintFinding finding) {}

  private final List<Entry> entries = new ArrayList<>();
  private int suppressed;

  void add(Rule rule, Spot at, String message) {
    add(rule, at, message, rule.hint());
  }

  void add(Rule rule, Spot at, String message, String hint) {
    if (at.stmt() != null && at.stmt().ignores(rule)) {
      suppressed++;
      return;
    }
    Source source = at.stmt().source();
    entries.add(
        new Entry(
            source.order(),
            new LintFinding(
                rule, rule.severity(), source.file(), at.line(), at.column(), message, hint)));
  }

  /** A finding about a comment, which no comment can suppress. */
  void comment(Rule rule, Source source, int offset, String message) {
    Spot at = source.spot(null, offset);
    entries.add(
        new Entry(
            source.order(),
            new LintFinding(
                rule,
                rule.severity(),
                source.file(),
                at.line(),
                at.column(),
                message,
                rule.hint())));
  }

  int suppressed() {
    return suppressed;
  }

  List<LintFinding> sorted() {
    return entries.stream()
        .sorted(
            Comparator.comparingInt(Entry::order)
                .thenComparingInt(e -> e.finding().line())
                .thenComparingInt(e -> e.finding().column())
                .thenComparing(e -> e.finding().rule().id()))
        .map(Entry::finding)
        .toList();
  }
}
