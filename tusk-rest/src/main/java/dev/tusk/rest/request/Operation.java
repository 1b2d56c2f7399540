package dev.tusk.rest.request;

import java.util.List;
import java.util.Optional;

/**
 * The right-hand side of a filter: {@code eq.5}, {@code in.(1,2)}, {@code is.null}, {@code
 * fts(english).cat}, ... Values are the text the client sent (after percent-decoding); the SQL
 * stage binds them as parameters and lets PostgreSQL cast them.
 */
public sealed interface Operation {

  /**
   * {@code op.value} or {@code op(any).{a,b}}. For {@code like}/{@code ilike} the value already has
   * {@code *} replaced by {@code %}. With a quantifier the value is a PostgreSQL array literal.
   */
  record Compare(Operator operator, Optional<Quantifier> quantifier, String value)
      implements Operation {}

  /** {@code in.(a,b,"c,d")}; {@code in.()} is the empty list. */
  record In(List<String> values) implements Operation {
    public In {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code is.null}, {@code is.not_null}, {@code is.true}, {@code is.false}, {@code is.unknown}.
   */
  record Is(IsValue value) implements Operation {}

  /** {@code isdistinct.value}: IS DISTINCT FROM. */
  record IsDistinct(String value) implements Operation {}

  /** {@code fts.q}, {@code plfts(english).q}, ... */
  record FullText(FtsOperator operator, Optional<String> language, String query)
      implements Operation {}

  /** {@code (any)} / {@code (all)} after a quantifiable operator. */
  enum Quantifier {
    ANY,
    ALL
  }

  /** The right side of {@code IS}. */
  enum IsValue {
    NULL,
    NOT_NULL,
    TRUE,
    FALSE,
    UNKNOWN
  }

  /** The text-search function each operator calls. */
  enum FtsOperator {
    FTS("fts", "to_tsquery"),
    PLFTS("plfts", "plainto_tsquery"),
    PHFTS("phfts", "phraseto_tsquery"),
    WFTS("wfts", "websearch_to_tsquery");

    private final String urlName;
    private final String function;

    FtsOperator(String urlName, String function) {
      this.urlName = urlName;
      this.function = function;
    }

    public String urlName() {
      return urlName;
    }

    public String function() {
      return function;
    }

    static FtsOperator byUrlName(String name) {
      for (FtsOperator op : values()) {
        if (op.urlName.equals(name)) {
          return op;
        }
      }
      return null;
    }
  }
}
