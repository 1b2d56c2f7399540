package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code Accept} and {@code Content-Type} values (RFC 9110 syntax, leniently: a value that is
 * not {@code type/subtype} becomes {@link MediaType.Other} and simply matches nothing).
 */
final class MediaTypeParser {

  private MediaTypeParser() {}

  /** The ranges of an Accept header, best first; q=0 and malformed q values are dropped. */
  static List<MediaRange> parseAccept(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    boolean anyElement = false;
    for (String element : splitOutsideQuotes(header, ',')) {
      String raw = element.strip();
      if (raw.isEmpty()) {
        continue;
      }
      anyElement = true;
      Map<String, String> params = params(raw);
      double q = 1.0;
      String qText = params.get("q");
      if (qText != null) {
        q = quality(qText);
        if (!(q > 0)) { // also drops NaN, the marker for a malformed value
          continue;
        }
      }
      ranges.add(new MediaRange(parse(raw), q, raw));
    }
    if (!anyElement) { // no Accept, or an empty one: anything goes (RFC 9110 12.5.1)
      ranges.add(new MediaRange(new MediaType.Any(), 1.0, "*/*"));
    }
    // List.sort is stable: equal qualities keep the client's order.
    ranges.sort((a, b) -> Double.compare(b.quality(), a.quality()));
    return ranges;
  }

  static MediaType parse(String value) {
    List<String> parts = splitOutsideQuotes(value, ';');
    String essence = parts.get(0).strip().toLowerCase(Locale.ROOT);
    Map<String, String> params = params(value);
    boolean stripNulls = "stripped".equals(params.get("nulls"));
    return switch (essence) {
      case "application/json" -> new MediaType.Json();
      case "application/vnd.pgrst.array+json", "application/vnd.pgrst.array" ->
          new MediaType.ArrayJson(stripNulls);
      case "application/vnd.pgrst.object+json", "application/vnd.pgrst.object" ->
          new MediaType.SingleObject(stripNulls);
      case "text/csv" -> new MediaType.Csv();
      case "application/geo+json" -> new MediaType.GeoJson();
      case "application/openapi+json" -> new MediaType.OpenApi();
      case "text/plain" -> new MediaType.TextPlain();
      case "text/xml" -> new MediaType.TextXml();
      case "application/octet-stream" -> new MediaType.OctetStream();
      case "application/x-www-form-urlencoded" -> new MediaType.UrlEncoded();
      case "*/*" -> new MediaType.Any();
      case "application/vnd.pgrst.plan", "application/vnd.pgrst.plan+text" ->
          plan(MediaType.PlanFormat.TEXT, params);
      case "application/vnd.pgrst.plan+json" -> plan(MediaType.PlanFormat.JSON, params);
      default -> new MediaType.Other(essence);
    };
  }

  private static MediaType plan(MediaType.PlanFormat format, Map<String, String> params) {
    String forValue = params.get("for");
    MediaType target = forValue == null ? new MediaType.Json() : parse(forValue);
    if (target instanceof MediaType.Plan) {
      target = new MediaType.Other("application/vnd.pgrst.plan"); // a plan of a plan: unproducible
    }
    Set<MediaType.PlanOption> options = EnumSet.noneOf(MediaType.PlanOption.class);
    String optionText = params.getOrDefault("options", "");
    for (String option : optionText.split("\\|")) {
      // Unknown options are ignored, as PostgREST does.
      for (MediaType.PlanOption known : MediaType.PlanOption.values()) {
        if (known.name().equalsIgnoreCase(option.strip())) {
          options.add(known);
        }
      }
    }
    return new MediaType.Plan(target, format, options);
  }

  /** Parameters after the first {@code ;}, names lower-cased, quoted values unquoted. */
  private static Map<String, String> params(String value) {
    Map<String, String> params = new LinkedHashMap<>();
    List<String> parts = splitOutsideQuotes(value, ';');
    for (String part : parts.subList(1, parts.size())) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      params.putIfAbsent(name, unquote(part.substring(eq + 1).strip()));
    }
    return params;
  }

  private static String unquote(String v) {
    if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
      return v;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length() - 1) {
        c = v.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static double quality(String text) {
    String t = text.strip();
    if (!t.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) {
      return Double.NaN;
    }
    return Double.parseDouble(t);
  }

  /** Splits on {@code sep} except inside double quotes (backslash escapes honoured). */
  static List<String> splitOutsideQuotes(String value, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted && c == '\\' && i + 1 < value.length()) {
        current.append(c).append(value.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == sep && !quoted) {
        out.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    out.add(current.toString());
    return out;
  }
}
