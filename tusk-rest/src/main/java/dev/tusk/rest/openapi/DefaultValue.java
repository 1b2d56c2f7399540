package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A column default as a JSON value, when the default is a literal: {@code 'draft'::text} is {@code
 * "draft"}, {@code 42} is 42, {@code false} is false. PostgREST also emits expressions such as
 * {@code now()} or {@code gen_random_uuid()} as string defaults; Tusk leaves those out, because
 * Swagger UI pre-fills request bodies with defaults and would send the expression's text as the
 * value. Array and json defaults are left out as PostgREST does.
 */
final class DefaultValue {

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,1000}(\\.[0-9]{1,1000})?");

  private DefaultValue() {}

  static Optional<JsonNode> of(PgType type, String expression) {
    String expr = expression.strip();
    Optional<String> literal = quotedLiteral(expr);
    return switch (type.jsonType()) {
      case STRING -> literal.map(JsonNodeFactory.instance::textNode);
      case INTEGER, NUMBER -> number(literal.orElse(expr));
      case BOOLEAN -> bool(literal.orElse(expr));
      case ARRAY, ANY -> Optional.empty();
    };
  }

  /** The text of {@code 'it''s'::some type}, or empty when the expression is anything else. */
  static Optional<String> quotedLiteral(String expr) {
    if (!expr.startsWith("'")) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    int i = 1;
    while (i < expr.length()) {
      char ch = expr.charAt(i);
      if (ch == '\'') {
        if (i + 1 < expr.length() && expr.charAt(i + 1) == '\'') {
          text.append('\'');
          i += 2;
          continue;
        }
        String rest = expr.substring(i + 1);
        boolean cast = rest.startsWith("::") && rest.length() > 2 && rest.indexOf('\'') < 0;
        return cast || rest.isEmpty() ? Optional.of(text.toString()) : Optional.empty();
      }
      text.append(ch);
      i++;
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> number(String s) {
    if (!NUMBER.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        s.indexOf('.') >= 0
            ? JsonNodeFactory.instance.numberNode(new BigDecimal(s).stripTrailingZeros())
            : JsonNodeFactory.instance.numberNode(new BigInteger(s)));
  }

  private static Optional<JsonNode> bool(String s) {
    return switch (s) {
      case "true" -> Optional.of(JsonNodeFactory.instance.booleanNode(true));
      case "false" -> Optional.of(JsonNodeFactory.instance.booleanNode(false));
      default -> Optional.empty();
    };
  }
}
