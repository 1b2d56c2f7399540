package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code Prefer} header (RFC 7240) as PostgREST reads it: every {@code Prefer} header, split on
 * commas; the first occurrence of each preference wins; anything unrecognised lands in {@code
 * invalid} (an error only with {@code handling=strict}). The timezone is kept as sent: only the
 * database knows which names are valid, so the planner checks it.
 */
public record Preferences(
    Optional<Return> returning,
    Optional<Count> count,
    Optional<Resolution> resolution,
    Optional<Missing> missing,
    Optional<Handling> handling,
    Optional<Transaction> transaction,
    OptionalLong maxAffected,
    Optional<String> timezone,
    boolean paramsSingleObject,
    List<String> invalid) {

  public Preferences {
    invalid = List.copyOf(invalid);
  }

  public static Preferences none() {
    return new Preferences(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        false,
        List.of());
  }

  /** These preferences without a timezone: one the database does not know is not applied. */
  public Preferences withoutTimezone() {
    return new Preferences(
        returning,
        count,
        resolution,
        missing,
        handling,
        transaction,
        maxAffected,
        Optional.empty(),
        paramsSingleObject,
        invalid);
  }

  public boolean strict() {
    return handling.orElse(Handling.LENIENT) == Handling.STRICT;
  }

  /** The values for a {@code Preference-Applied} response header, in PostgREST's order. */
  public List<String> applied() {
    List<String> out = new ArrayList<>();
    resolution.ifPresent(p -> out.add(p.header()));
    missing.ifPresent(p -> out.add(p.header()));
    returning.ifPresent(p -> out.add(p.header()));
    if (paramsSingleObject) {
      out.add("params=single-object");
    }
    count.ifPresent(p -> out.add(p.header()));
    transaction.ifPresent(p -> out.add(p.header()));
    handling.ifPresent(p -> out.add(p.header()));
    timezone.ifPresent(tz -> out.add("timezone=" + tz));
    if (strict() && maxAffected.isPresent()) {
      out.add("max-affected=" + maxAffected.getAsLong());
    }
    return out;
  }

  /** A preference whose values are a closed set. */
  public interface Choice {
    String header();
  }

  public enum Return implements Choice {
    MINIMAL("return=minimal"),
    HEADERS_ONLY("return=headers-only"),
    REPRESENTATION("return=representation");

    private final String header;

    Return(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }

  public enum Count implements Choice {
    EXACT("count=exact"),
    PLANNED("count=planned"),
    ESTIMATED("count=estimated");

    private final String header;

    Count(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }

  public enum Resolution implements Choice {
    MERGE_DUPLICATES("resolution=merge-duplicates"),
    IGNORE_DUPLICATES("resolution=ignore-duplicates");

    private final String header;

    Resolution(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }

  public enum Missing implements Choice {
    DEFAULT("missing=default"),
    NULL("missing=null");

    private final String header;

    Missing(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }

  public enum Handling implements Choice {
    STRICT("handling=strict"),
    LENIENT("handling=lenient");

    private final String header;

    Handling(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }

  public enum Transaction implements Choice {
    COMMIT("tx=commit"),
    ROLLBACK("tx=rollback");

    private final String header;

    Transaction(String header) {
      this.header = header;
    }

    @Override
    public String header() {
      return header;
    }
  }
}
