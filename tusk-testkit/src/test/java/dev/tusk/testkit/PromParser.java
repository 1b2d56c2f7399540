package dev.tusk.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4), stricter than Prometheus itself so a
 * scrape that some client would mis-read fails the test: every sample belongs to the most recently
 * declared family, which has its HELP and TYPE first; no family is declared twice or split; label
 * values use only the three escapes the format defines; no series repeats; no blank lines, no CR, a
 * final newline. Throws IllegalArgumentException naming the line.
 */
final class PromParser {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern VALUE =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|NaN|[+-]?Inf");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  private PromParser() {}

  static Scrape parse(String text) {
    if (text.isEmpty() || !text.endsWith("\n") || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a scrape must be non-empty, end with \\n and have no CR");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    Map<String, Builder> families = new LinkedHashMap<>();
    Set<String> series = new HashSet<>();
    Builder current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      if (line.isEmpty()) {
        throw bad(n, line, "blank line");
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String kind = line.substring(2, 6);
        String rest = line.substring(7);
        int sp = rest.indexOf(' ');
        String name = sp < 0 ? rest : rest.substring(0, sp);
        String arg = sp < 0 ? "" : rest.substring(sp + 1);
        if (!NAME.matcher(name).matches()) {
          throw bad(n, line, "bad metric name");
        }
        Builder b = families.computeIfAbsent(name, Builder::new);
        if (current != null && b != current && (b.help != null || b.type != null)) {
          throw bad(n, line, "family " + name + " declared again after " + current.name);
        }
        if (!b.samples.isEmpty()) {
          throw bad(n, line, kind + " after the family's samples");
        }
        if (kind.equals("HELP")) {
          if (b.help != null) {
            throw bad(n, line, "second HELP for " + name);
          }
          b.help = unescapeHelp(arg, n, line);
        } else {
          if (b.type != null) {
            throw bad(n, line, "second TYPE for " + name);
          }
          if (!TYPES.contains(arg)) {
            throw bad(n, line, "unknown type " + arg);
          }
          b.type = arg;
        }
        current = b;
      } else if (!line.startsWith("#")) {
        Scrape.Sample s = sample(line, n);
        if (current == null || current.help == null || current.type == null) {
          throw bad(n, line, "sample before its family's HELP and TYPE");
        }
        if (!belongs(s.name(), current)) {
          throw bad(n, line, "sample of " + s.name() + " under family " + current.name);
        }
        if (!series.add(s.name() + new TreeMap<>(s.labels()))) {
          throw bad(n, line, "duplicate series");
        }
        current.samples.add(s);
      }
    }
    Map<String, Scrape.Family> out = new LinkedHashMap<>();
    for (Builder b : families.values()) {
      if (b.help == null || b.type == null) {
        throw new IllegalArgumentException("family " + b.name + " lacks HELP or TYPE");
      }
      out.put(b.name, new Scrape.Family(b.name, b.type, b.help, List.copyOf(b.samples)));
    }
    return new Scrape(out);
  }

  private static boolean belongs(String sample, Builder f) {
    return switch (f.type) {
      case "histogram" -> List.of("_bucket", "_sum", "_count").contains(suffix(sample, f.name));
      case "summary" -> List.of("", "_sum", "_count").contains(suffix(sample, f.name));
      default -> sample.equals(f.name);
    };
  }

  private static String suffix(String sample, String family) {
    return sample.startsWith(family) ? sample.substring(family.length()) : "-";
  }

  private static Scrape.Sample sample(String line, int n) {
    Matcher m = NAME.matcher(line);
    if (!m.lookingAt()) {
      throw bad(n, line, "no metric name");
    }
    String name = m.group();
    int p = m.end();
    Map<String, String> labels = new LinkedHashMap<>();
    if (p < line.length() && line.charAt(p) == '{') {
      p++;
      while (p < line.length() && line.charAt(p) != '}') {
        Matcher l = LABEL.matcher(line).region(p, line.length());
        if (!l.lookingAt() || !line.startsWith("=\"", l.end())) {
          throw bad(n, line, "bad label at column " + p);
        }
        StringBuilder value = new StringBuilder();
        p = l.end() + 2;
        while (true) {
          if (p >= line.length()) {
            throw bad(n, line, "unterminated label value");
          }
          char c = line.charAt(p++);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            char e = p < line.length() ? line.charAt(p++) : 0;
            c =
                switch (e) {
                  case '\\' -> '\\';
                  case '"' -> '"';
                  case 'n' -> '\n';
                  default -> throw bad(n, line, "bad escape \\" + e + " in a label value");
                };
          }
          value.append(c);
        }
        if (labels.put(l.group(), value.toString()) != null) {
          throw bad(n, line, "label " + l.group() + " twice");
        }
        if (p < line.length() && line.charAt(p) == ',') {
          p++;
          if (p < line.length() && line.charAt(p) == '}') {
            throw bad(n, line, "trailing comma");
          }
        } else if (p >= line.length() || line.charAt(p) != '}') {
          throw bad(n, line, "expected , or } at column " + p);
        }
      }
      p++;
    }
    if (p >= line.length() || line.charAt(p) != ' ') {
      throw bad(n, line, "expected one space before the value");
    }
    String[] rest = line.substring(p + 1).split(" ", -1);
    if (rest.length > 2
        || !VALUE.matcher(rest[0]).matches()
        || (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches())) {
      throw bad(n, line, "bad value or timestamp");
    }
    double v =
        switch (rest[0]) {
          case "NaN" -> Double.NaN;
          case "Inf", "+Inf" -> Double.POSITIVE_INFINITY;
          case "-Inf" -> Double.NEGATIVE_INFINITY;
          default -> Double.parseDouble(rest[0]);
        };
    return new Scrape.Sample(name, labels, v);
  }

  private static String unescapeHelp(String s, int n, String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        char e = ++i < s.length() ? s.charAt(i) : 0;
        if (e != '\\' && e != 'n') {
          throw bad(n, line, "bad escape \\" + e);
        }
        c = e == 'n' ? '\n' : e;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static IllegalArgumentException bad(int n, String line, String why) {
    String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    return new IllegalArgumentException("line " + n + ": " + why + ": " + shown);
  }

  private static final class Builder {
    final String name;
    final List<Scrape.Sample> samples = new ArrayList<>();
    String help;
    String type;

    Builder(String name) {
      this.name = name;
    }
  }
}
