package dev.tusk.rest.request;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code limit}, {@code offset} and the {@code Range: first-last} header ({@code Range-Unit:
 * items}), and how they combine. A negative limit or a range whose first row is after its last is
 * PostgREST's PGRST103; text where a number belongs is a PGRST100, not a silently ignored value.
 */
final class RangeParser {

  private static final Pattern RANGE = Pattern.compile("\\s*([0-9]{1,18})-([0-9]{0,18})\\s*");

  private RangeParser() {}

  static long limit(String value) {
    if (value.startsWith("-") && isDigits(value.substring(1))) {
      throw range(ApiRequestError.InvalidRange.NEGATIVE_LIMIT);
    }
    return number(value, "limit");
  }

  static long offset(String value) {
    return number(value, "offset");
  }

  private static long number(String value, String name) {
    if (!isDigits(value) || value.length() > 18) {
      throw new Cursor(value, name + " parameter")
          .failWith(0, "expected a whole number from 0 to 999999999999999999");
    }
    return Long.parseLong(value);
  }

  /** The Range header of a read, if any. */
  static Optional<RowRange> header(Optional<String> range, Optional<String> unit) {
    if (range.isEmpty()) {
      return Optional.empty();
    }
    if (unit.isPresent() && !unit.get().strip().equalsIgnoreCase("items")) {
      throw range(
          "Range-Unit '" + Cursor.echo(unit.get()) + "' is not supported; the only unit is items");
    }
    Matcher m = RANGE.matcher(range.get());
    if (!m.matches()) {
      throw range(
          "The Range header '"
              + Cursor.echo(range.get())
              + "' is not of the form first-last, e.g. 0-24, or first-, e.g. 25-");
    }
    long first = Long.parseLong(m.group(1));
    if (m.group(2).isEmpty()) {
      return Optional.of(new RowRange(first, OptionalLong.empty()));
    }
    long last = Long.parseLong(m.group(2));
    if (first > last) {
      throw range(ApiRequestError.InvalidRange.LOWER_GT_UPPER);
    }
    return Optional.of(new RowRange(first, OptionalLong.of(last - first + 1)));
  }

  /**
   * The rows both the Range header and limit/offset allow. Two ranges that share no row are an
   * error: answering with nothing would hide the contradiction.
   */
  static RowRange combine(RowRange query, RowRange header) {
    RowRange both = query.intersect(header);
    boolean askedForNone =
        query.limit().equals(OptionalLong.of(0)) || header.limit().equals(OptionalLong.of(0));
    if (both.limit().equals(OptionalLong.of(0)) && !askedForNone) {
      throw range(
          "The Range header selects rows "
              + describe(header)
              + " but limit/offset select rows "
              + describe(query)
              + "; they share no row");
    }
    return both;
  }

  private static String describe(RowRange r) {
    return r.offset() + "-" + (r.last().isPresent() ? String.valueOf(r.last().getAsLong()) : "");
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static ApiRequestException range(String details) {
    return new ApiRequestException(new ApiRequestError.InvalidRange(details));
  }
}
