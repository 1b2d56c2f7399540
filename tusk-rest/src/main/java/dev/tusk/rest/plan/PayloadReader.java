package dev.tusk.rest.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads write and RPC bodies (JSON, CSV, form) into {@link Rows}, refusing with PGRST102 what
 * PostgREST refuses: empty or malformed JSON, anything but an object or an array of objects, arrays
 * whose objects have different keys. Numbers keep their exact digits (big decimals and integers),
 * since the rows travel back to PostgreSQL as JSON text.
 */
final class PayloadReader {

  static final String INVALID_JSON = "Empty or invalid json";

  private final ObjectMapper mapper;
  private final ObjectReader reader;

  PayloadReader(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader =
        mapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The body as rows; {@code keysMustMatch} unless {@code columns=} picks the columns. */
  Rows rows(Optional<Payload> payload, boolean keysMustMatch) {
    Payload p = payload.orElseThrow(() -> PlanErrors.invalidBody(INVALID_JSON, null));
    return switch (p.contentType()) {
      case MediaType.Csv csv -> csv(text(p));
      case MediaType.UrlEncoded form -> form(text(p));
      case MediaType.Json json -> json(p.bytes(), keysMustMatch);
      default -> throw unsupported(p.contentType());
    };
  }

  /** A JSON body that must be one value of any kind (RPC bodies); empty means {@code {}}. */
  JsonNode json(byte[] bytes) {
    if (bytes.length == 0) {
      return mapper.createObjectNode();
    }
    try {
      return reader.readTree(bytes);
    } catch (IOException e) {
      throw PlanErrors.invalidBody(INVALID_JSON, oneLine(e));
    }
  }

  /**
   * What is wrong with an array body of an RPC, if anything: its elements must be objects with the
   * same keys, as for a bulk insert (PGRST102). Only the first is the call's arguments.
   */
  static Optional<PlanException> callsProblem(ArrayNode array) {
    Set<String> first = null;
    for (JsonNode element : array) {
      if (!(element instanceof ObjectNode o)) {
        return Optional.of(
            PlanErrors.invalidBody(
                INVALID_JSON, "every element of the array must be a JSON object"));
      }
      Set<String> keys = new HashSet<>(fieldNames(o));
      if (first == null) {
        first = keys;
      } else if (!keys.equals(first)) {
        return Optional.of(PlanErrors.invalidBody("All object keys must match", null));
      }
    }
    return Optional.empty();
  }

  String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serialises", e);
    }
  }

  ObjectNode object(Map<String, String> values) {
    ObjectNode o = mapper.createObjectNode();
    values.forEach(o::put);
    return o;
  }

  private Rows json(byte[] bytes, boolean keysMustMatch) {
    if (bytes.length == 0) {
      throw PlanErrors.invalidBody(INVALID_JSON, null);
    }
    JsonNode root;
    try {
      root = reader.readTree(bytes);
    } catch (IOException e) {
      throw PlanErrors.invalidBody(INVALID_JSON, oneLine(e));
    }
    if (root instanceof ObjectNode o) {
      return new Rows(List.of(o), fieldNames(o), false);
    }
    if (!(root instanceof ArrayNode array)) {
      throw PlanErrors.invalidBody(INVALID_JSON, "expected a JSON object or an array of objects");
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode element : array) {
      if (!(element instanceof ObjectNode o)) {
        throw PlanErrors.invalidBody(
            INVALID_JSON, "every element of the array must be a JSON object");
      }
      rows.add(o);
    }
    List<String> keys = rows.isEmpty() ? List.of() : fieldNames(rows.get(0));
    if (keysMustMatch) {
      Set<String> first = new HashSet<>(keys);
      for (ObjectNode row : rows) {
        if (!new HashSet<>(fieldNames(row)).equals(first)) {
          throw PlanErrors.invalidBody("All object keys must match", null);
        }
      }
    }
    return new Rows(rows, keys, true);
  }

  private Rows csv(String text) {
    List<List<String>> lines = CsvReader.read(text);
    if (lines.isEmpty()) {
      throw PlanErrors.invalidBody("Invalid CSV body", "the body has no header line");
    }
    List<String> header = lines.get(0);
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> fields = lines.get(i);
      if (fields.size() != header.size()) {
        throw PlanErrors.invalidBody(
            "All lines must have same number of fields",
            "line " + (i + 1) + " has " + fields.size() + ", the header " + header.size());
      }
      ObjectNode row = mapper.createObjectNode();
      for (int j = 0; j < header.size(); j++) {
        row.put(header.get(j), fields.get(j));
      }
      rows.add(row);
    }
    return new Rows(rows, header.stream().map(h -> h == null ? "NULL" : h).toList(), true);
  }

  private Rows form(String text) {
    ObjectNode row = object(FormReader.read(text));
    return new Rows(List.of(row), fieldNames(row), false);
  }

  static List<String> fieldNames(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The body as UTF-8 text; bytes that are not UTF-8 are PGRST102, never replaced silently. */
  static String text(Payload p) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(p.bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw PlanErrors.invalidBody("Invalid body", "the body is not valid UTF-8");
    }
  }

  static PlanException unsupported(MediaType type) {
    return PlanErrors.fail(
        new PlanError.Fixed(
            "PGRST107",
            415,
            "Content-Type not acceptable: " + type.essence(),
            Optional.empty(),
            Optional.empty()));
  }

  private static String oneLine(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
