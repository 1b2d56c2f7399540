package dev.tusk.migrate.lint;

import dev.tusk.core.util.EditDistance;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- tusk-lint-ignore rule[, rule...] [-- reason]} comment. Any other comment starting
 * {@code -- tusk-lint} is an error, so {@code -- tusk-lint-ignores} cannot pass for one. It names
 * the rules it accepts: there is no "ignore everything", so a suppression says what was weighed. An
 * unknown id is an error rather than silently suppressing nothing (a typo would otherwise look like
 * a suppression).
 *
 * <p>The prefix is {@code tusk-lint-ignore}, not {@code tusk:lint-ignore}: {@code -- tusk:} is the
 * file directive, which the splitter accepts only on line 1.
 */
final class Suppression {

  private static final Pattern COMMENT =
      Pattern.compile("--\\s*tusk-lint([^\\s:]*)\\s*:?(.*)", Pattern.DOTALL);

  /** What a comment says: not a suppression, the rules it names, or what is wrong with it. */
  sealed interface Parsed {}

  record NotOne() implements Parsed {}

  record Rules(Set<Rule> rules) implements Parsed {}

  record Bad(String message) implements Parsed {}

  private Suppression() {}

  static Parsed parse(String comment) {
    Matcher m = COMMENT.matcher(comment);
    if (!m.matches()) {
      return new NotOne();
    }
    if (!m.group(1).equals("-ignore")) {
      String word = "tusk-lint" + m.group(1);
      return new Bad(
          "unknown lint comment '"
              + (word.length() > 60 ? word.substring(0, 60) + "..." : word)
              + "'; the only one is tusk-lint-ignore");
    }
    String list = m.group(2);
    int reason = list.indexOf("--");
    if (reason >= 0) {
      list = list.substring(0, reason);
    }
    List<String> ids =
        Arrays.stream(list.strip().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      return new Bad("tusk-lint-ignore names no rule; it suppresses nothing");
    }
    Set<Rule> rules = EnumSet.noneOf(Rule.class);
    for (String id : ids) {
      Optional<Rule> rule = Rule.byId(id).filter(r -> r != Rule.BAD_SUPPRESSION);
      if (rule.isEmpty()) {
        return new Bad(unknown(id));
      }
      rules.add(rule.get());
    }
    return new Rules(rules);
  }

  private static String unknown(String id) {
    String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Rule r : Rule.values()) {
      int d = EditDistance.of(shown, r.id());
      if (r != Rule.BAD_SUPPRESSION && d < bestDistance) {
        best = r.id();
        bestDistance = d;
      }
    }
    String message = "tusk-lint-ignore names unknown rule '" + shown + "'";
    return bestDistance <= 3 ? message + "; did you mean '" + best + "'?" : message;
  }
}
