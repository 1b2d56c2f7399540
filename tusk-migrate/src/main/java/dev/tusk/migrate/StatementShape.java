package dev.tusk.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The little the splitter must know about the statement it is reading, learned from its top-level
 * words: is it {@code COPY ... FROM stdin} (data lines follow it), and is it inside the {@code
 * BEGIN ATOMIC ... END} body of a SQL-standard function, where semicolons separate the body's
 * statements rather than end this one.
 *
 * <p>The body rule follows psql's heuristic, tightened where psql mis-splits valid SQL: only in a
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, only outside parentheses, {@code BEGIN} counts
 * only when followed by {@code ATOMIC}, {@code CASE} opens one more {@code END}, and {@code END} or
 * {@code CASE} after a dot or {@code AS} is a column name ({@code t.end}, {@code 1 AS end}), not a
 * keyword. Comments between words change nothing; any other token resets the "previous word".
 */
final class StatementShape {

  private final List<String> leading = new ArrayList<>(4);
  private String previousWord;
  private boolean afterDot;
  private int bodyDepth;
  private int bodyStart = -1;
  private boolean copyFromStdin;
  private boolean copyToStdout;

  /** A word (keyword or unquoted identifier), lower case, at {@code offset}. */
  void word(String word, int parenDepth, int offset) {
    if (leading.size() < 4) {
      leading.add(word);
    }
    if (parenDepth == 0) {
      if (leading.get(0).equals("copy") && !afterDot) {
        copyFromStdin |= word.equals("stdin") && "from".equals(previousWord);
        copyToStdout |= word.equals("stdout") && "to".equals(previousWord);
      }
      if (isRoutine()) {
        body(word, offset);
      }
    }
    previousWord = afterDot ? null : word;
    afterDot = false;
  }

  /** Any other token: a symbol, a number, a string, a quoted identifier. */
  void token(char first) {
    previousWord = null;
    afterDot = first == '.';
  }

  int bodyDepth() {
    return bodyDepth;
  }

  /** The offset of the {@code ATOMIC} that opened the body, -1 when none did. */
  int bodyStart() {
    return bodyStart;
  }

  boolean copyFromStdin() {
    return copyFromStdin;
  }

  boolean copyToStdout() {
    return copyToStdout;
  }

  private void body(String word, int offset) {
    boolean columnName = afterDot || "as".equals(previousWord);
    if (word.equals("atomic") && "begin".equals(previousWord)) {
      if (bodyDepth++ == 0) {
        bodyStart = offset;
      }
    } else if (bodyDepth > 0 && !columnName) {
      if (word.equals("case")) {
        bodyDepth++;
      } else if (word.equals("end")) {
        bodyDepth--;
      }
    }
  }

  private boolean isRoutine() {
    if (leading.size() < 2 || !leading.get(0).equals("create")) {
      return false;
    }
    if (isRoutineWord(leading.get(1))) {
      return true;
    }
    return leading.size() >= 4
        && leading.get(1).equals("or")
        && leading.get(2).equals("replace")
        && isRoutineWord(leading.get(3));
  }

  private static boolean isRoutineWord(String w) {
    return w.equals("function") || w.equals("procedure");
  }
}
