package dev.tusk.rest.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs request/response cases in the format of the shared conformance suite's {@code cases/*.json}
 * against a live server, checking them exactly as its {@code run.py} does: personas minted as HS256
 * tokens with the suite's secret, JSON compared by value (numbers by value, not by spelling), CSV
 * by rows, headers exactly where named. Kept in step with run.py so that a case passes here exactly
 * when it passes there.
 */
final class ConformanceCases {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String U = "00000000-0000-0000-0000-00000000000";

  /** One case, with the file it came from. */
  record Case(String file, JsonNode spec) {
    String name() {
      return spec.path("name").asText();
    }

    String method() {
      return spec.path("method").asText("GET");
    }

    @Override
    public String toString() {
      return file + ": " + name() + " (" + method() + " " + spec.path("path").asText() + ")";
    }
  }

  private final int port;
  private final String secret;
  private final Clock clock;

  ConformanceCases(RestServer server, String secret, Clock clock) {
    this.port = server.port();
    this.secret = secret;
    this.clock = clock;
  }

  /** Every case of every {@code *.json} in the test resource directory {@code dir}, in order. */
  static List<Case> load(String dir) {
    URL url = ConformanceCases.class.getResource(dir);
    if (url == null) {
      throw new IllegalStateException("no test resource directory " + dir);
    }
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode array = JSON.readTree(f.toFile());
        if (!array.isArray()) {
          throw new IllegalStateException(f + " is not a JSON array of cases");
        }
        for (JsonNode c : array) {
          cases.add(new Case(f.getFileName().toString(), c));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return cases;
  }

  /**
   * Sends the case's request and returns what did not match; empty when it passes. The request goes
   * out as run.py's urllib sends it: the path byte for byte (braces, quotes and carets included,
   * which java.net.URI would refuse), the body as given or as JSON.
   */
  List<String> run(Case c) throws Exception {
    JsonNode spec = c.spec();
    Map<String, String> headers = new LinkedHashMap<>();
    spec.path("headers")
        .fields()
        .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    byte[] body = null;
    JsonNode b = spec.get("body");
    if (b != null && !b.isNull()) {
      if (b.isTextual()) {
        body = b.textValue().getBytes(StandardCharsets.UTF_8);
      } else {
        body = JSON.writeValueAsBytes(b);
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
          headers.put("Content-Type", "application/json");
        }
      }
    }
    Optional<String> token = token(spec.path("as").asText("anon"));
    token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    StringBuilder head = new StringBuilder();
    head.append(c.method()).append(' ').append(spec.path("path").asText()).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      request.writeBytes(body);
    }
    RawHttp.Answer a = RawHttp.exchange(port, request.toByteArray());
    Map<String, List<String>> answered = new LinkedHashMap<>();
    a.headers().forEach((k, v) -> answered.put(k, List.of(v)));
    return check(spec.path("expect"), a.status(), answered, a.text());
  }

  /** run.py's personas: none for anon, else an HS256 token (or a broken one) for the persona. */
  Optional<String> token(String persona) throws GeneralSecurityException, IOException {
    long exp = clock.instant().getEpochSecond() + 3600;
    return switch (persona) {
      case "anon" -> Optional.empty();
      case "alice" -> Optional.of(sign(claims("api_user", 1, "alice", exp), secret));
      case "bob" -> Optional.of(sign(claims("api_user", 2, "bob", exp), secret));
      case "carol" -> Optional.of(sign(claims("api_editor", 3, "carol", exp), secret));
      case "expired" -> Optional.of(sign(claims("api_user", 1, "alice", 1000000000L), secret));
      case "norole" -> {
        ObjectNode n = claims("x", 1, "alice", exp);
        n.remove("role");
        yield Optional.of(sign(n, secret));
      }
      case "superuser" -> {
        ObjectNode n = JSON.createObjectNode().put("role", "postgres").put("sub", U + 1);
        yield Optional.of(sign(n.put("exp", exp), secret));
      }
      case "badsig" -> Optional.of(sign(claims("api_user", 1, "alice", exp), secret + "-wrong"));
      case "garbage" -> Optional.of("not.a.jwt");
      case "algnone" -> {
        String head = b64("{\"alg\": \"none\", \"typ\": \"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(JSON.writeValueAsBytes(claims("api_user", 1, "alice", exp)));
        yield Optional.of(head + "." + payload + ".");
      }
      default -> throw new IllegalArgumentException("unknown persona " + persona);
    };
  }

  private static ObjectNode claims(String role, int n, String who, long exp) {
    return JSON.createObjectNode()
        .put("role", role)
        .put("sub", U + n)
        .put("email", who + "@example.com")
        .put("exp", exp);
  }

  private static String sign(ObjectNode claims, String key) throws GeneralSecurityException {
    try {
      String signed =
          b64("{\"alg\": \"HS256\", \"typ\": \"JWT\"}".getBytes(StandardCharsets.UTF_8))
              + "."
              + b64(JSON.writeValueAsBytes(claims));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signed + "." + b64(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** run.py's {@code check}: every expectation the case names, each failure as a sentence. */
  static List<String> check(
      JsonNode exp, int status, Map<String, List<String>> headers, String text) {
    List<String> problems = new ArrayList<>();
    JsonNode want = exp.has("status") ? exp.get("status") : JSON.getNodeFactory().numberNode(200);
    boolean statusOk = false;
    for (JsonNode s : want.isArray() ? want : List.of(want)) {
      statusOk |= s.asInt() == status;
    }
    if (!statusOk) {
      problems.add("status " + status + ", wanted " + want);
    }
    JsonNode parsed = null;
    if (Stream.of("json", "json_subset", "code", "code_prefix", "json_keys").anyMatch(exp::has)) {
      try {
        parsed = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
      } catch (IOException e) {
        problems.add("body is not JSON: " + abbreviate(text));
        return problems;
      }
    }
    if (exp.has("json") && !same(exp.get("json"), parsed)) {
      problems.add("body " + abbreviate(String.valueOf(parsed)) + ", wanted " + exp.get("json"));
    }
    if (exp.has("json_subset") && !subset(exp.get("json_subset"), parsed)) {
      problems.add(
          "body " + abbreviate(String.valueOf(parsed)) + " lacks " + exp.get("json_subset"));
    }
    String code = parsed != null && parsed.isObject() ? parsed.path("code").asText(null) : null;
    if (exp.has("code") && !exp.get("code").asText().equals(code)) {
      problems.add("error code " + code + ", wanted " + exp.get("code").asText());
    }
    if (exp.has("code_prefix")
        && (code == null || !code.startsWith(exp.get("code_prefix").asText()))) {
      problems.add("error code " + code + ", wanted prefix " + exp.get("code_prefix").asText());
    }
    for (JsonNode key : exp.path("json_keys")) {
      if (parsed == null || !parsed.isObject() || !parsed.has(key.asText())) {
        problems.add("error body lacks key " + key.asText());
      }
    }
    if (exp.has("text") && !stripTrailingNewlines(text).equals(exp.get("text").asText())) {
      problems.add("text " + abbreviate(text) + ", wanted " + exp.get("text").asText());
    }
    if (exp.has("csv")) {
      List<List<String>> rows = csv(text);
      List<List<String>> wanted = new ArrayList<>();
      for (JsonNode row : exp.get("csv")) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.asText()));
        wanted.add(cells);
      }
      if (!rows.equals(wanted)) {
        problems.add("CSV rows " + rows + ", wanted " + wanted);
      }
    }
    if (exp.has("body_contains") && !text.contains(exp.get("body_contains").asText())) {
      problems.add("body lacks " + exp.get("body_contains").asText());
    }
    if (exp.path("empty_body").asBoolean(false) && !text.isBlank()) {
      problems.add("body should be empty, got " + abbreviate(text));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = exp.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String actual = header(headers, e.getKey());
      String wantValue = e.getValue().isNull() ? null : e.getValue().asText();
      if (wantValue == null ? actual != null : !wantValue.equals(actual)) {
        problems.add("header " + e.getKey() + ": " + actual + ", wanted " + wantValue);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = exp.path("header_contains").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String actual = header(headers, e.getKey());
      if (actual == null || !actual.contains(e.getValue().asText())) {
        problems.add(
            "header " + e.getKey() + ": " + actual + ", wanted it to contain " + e.getValue());
      }
    }
    return problems;
  }

  /** The header's value as run.py sees it: the last of repeated headers wins there too. */
  private static String header(Map<String, List<String>> headers, String name) {
    String value = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        value = e.getValue().get(e.getValue().size() - 1);
      }
    }
    return value;
  }

  /**
   * Python's {@code ==} on parsed JSON: numbers by value (1 == 1.0), objects regardless of order.
   */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!b.has(k) || !same(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * run.py's {@code subset}: objects need the expected keys (recursively), anything else equality.
   */
  static boolean subset(JsonNode expected, JsonNode actual) {
    if (expected.isObject()) {
      if (actual == null || !actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!actual.has(e.getKey()) || !subset(e.getValue(), actual.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return same(expected, actual);
  }

  /** Python's csv.reader with the default dialect: quoted fields, doubled quotes, CRLF or LF. */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      any = true;
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        rows.add(row);
        row = new ArrayList<>();
        cell.setLength(0);
        any = false;
      } else {
        cell.append(ch);
      }
    }
    if (any) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

  private static String stripTrailingNewlines(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  static String describe(Case c, List<String> problems) {
    return c + "\n  " + String.join("\n  ", problems);
  }
}
