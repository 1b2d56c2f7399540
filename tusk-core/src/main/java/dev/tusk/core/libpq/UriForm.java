package dev.tusk.core.libpq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The URI form, step by step as libpq's {@code conninfo_uri_parse_options}: userinfo up to the
 * first {@code @} before any {@code /} (user up to the first {@code :}), then comma-separated
 * {@code host[:port]} or {@code [ipv6][:port]}, then {@code /dbname}, then {@code ?key=value&...}
 * which overrides what came before. Empty parts are not stored, so that libpq's environment
 * fallbacks still apply to them. Stricter than libpq where it would only hide a mistake: a raw
 * space or control character, a second {@code @} (an unencoded one in the password), a port that is
 * not a port, a second {@code =} in a query parameter.
 */
final class UriForm {

  private final String text;
  private final Function<Problem, ? extends RuntimeException> onError;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<ConnInfo.Param> query = new ArrayList<>();
  private int p;

  private UriForm(String text, Function<Problem, ? extends RuntimeException> onError) {
    this.text = text;
    this.onError = onError;
  }

  /** {@code rest} is what follows {@code postgresql://} or {@code postgres://}. */
  static ConnInfo parse(String rest, Function<Problem, ? extends RuntimeException> onError) {
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c <= ' ' || Character.isISOControl(c)) {
        throw onError.apply(Problem.CONTROL_CHARACTER);
      }
    }
    UriForm u = new UriForm(rest, onError);
    u.userInfo();
    u.hosts();
    u.path();
    return new ConnInfo(ConnInfo.Form.URI, u.values, u.query);
  }

  private void userInfo() {
    int at = 0;
    while (at < text.length() && text.charAt(at) != '@' && text.charAt(at) != '/') {
      at++;
    }
    if (at == text.length() || text.charAt(at) != '@') {
      return;
    }
    int colon = text.indexOf(':');
    if (colon < 0 || colon > at) {
      colon = at;
    }
    store("user", text.substring(0, colon));
    if (colon < at) {
      store("password", text.substring(colon + 1, at));
    }
    p = at + 1;
  }

  private void hosts() {
    StringBuilder hosts = new StringBuilder();
    StringBuilder ports = new StringBuilder();
    while (true) {
      String host;
      if (p < text.length() && text.charAt(p) == '[') {
        int close = p + 1;
        while (close < text.length() && "]/?".indexOf(text.charAt(close)) < 0) {
          close++;
        }
        if (close == text.length() || text.charAt(close) != ']') {
          throw onError.apply(Problem.IPV6_UNCLOSED);
        }
        if (close == p + 1) {
          throw onError.apply(Problem.IPV6_EMPTY);
        }
        host = text.substring(p + 1, close);
        p = close + 1;
        if (p < text.length() && ":/?,".indexOf(text.charAt(p)) < 0) {
          throw onError.apply(Problem.IPV6_TRAILING);
        }
      } else {
        int start = p;
        while (p < text.length() && ":/?,".indexOf(text.charAt(p)) < 0) {
          p++;
        }
        host = text.substring(start, p);
      }
      if (host.indexOf('@') >= 0) {
        throw onError.apply(Problem.AT_IN_HOST);
      }
      hosts.append(Percent.decode(host, onError));
      if (p < text.length() && text.charAt(p) == ':') {
        int start = ++p;
        while (p < text.length() && "/?,".indexOf(text.charAt(p)) < 0) {
          p++;
        }
        String port = text.substring(start, p);
        if (!port.isEmpty() && !ConnInfo.isPort(port)) {
          throw onError.apply(Problem.BAD_PORT);
        }
        ports.append(port);
      }
      if (p == text.length() || text.charAt(p) != ',') {
        break;
      }
      p++;
      hosts.append(',');
      ports.append(',');
    }
    if (!hosts.isEmpty()) {
      values.put("host", hosts.toString());
    }
    if (!ports.isEmpty()) {
      values.put("port", ports.toString());
    }
  }

  private void path() {
    if (p < text.length() && text.charAt(p) == '/') {
      int q = text.indexOf('?', p);
      int end = q < 0 ? text.length() : q;
      store("dbname", text.substring(p + 1, end));
      p = end;
    }
    if (p < text.length()) { // at the '?'
      params(p + 1);
    }
  }

  /** {@code k=v&k=v}: a trailing {@code &} ends the list, an empty parameter is an error. */
  private void params(int from) {
    int i = from;
    while (i < text.length()) {
      int amp = text.indexOf('&', i);
      int end = amp < 0 ? text.length() : amp;
      int eq = text.indexOf('=', i);
      if (eq < 0 || eq > end) {
        throw onError.apply(Problem.QUERY_NOT_PAIR);
      }
      int second = text.indexOf('=', eq + 1);
      if (second >= 0 && second < end) {
        throw onError.apply(Problem.QUERY_EXTRA_EQUALS);
      }
      String key = Percent.decode(text.substring(i, eq), onError);
      String value = Percent.decode(text.substring(eq + 1, end), onError);
      if (key.isEmpty()) {
        throw onError.apply(Problem.QUERY_NOT_PAIR);
      }
      if (!ConnInfo.isKeyword(key)) {
        throw onError.apply(Problem.QUERY_BAD_KEYWORD);
      }
      query.add(new ConnInfo.Param(key, value));
      if (key.equals("ssl") && value.equals("true")) {
        values.put("sslmode", "require"); // libpq's nod to JDBC URLs
      } else {
        values.put(key, value);
      }
      i = end + 1;
    }
  }

  private void store(String keyword, String raw) {
    if (!raw.isEmpty()) {
      values.put(keyword, Percent.decode(raw, onError));
    }
  }
}
