package dev.tusk.rest.query;

import java.util.List;

/**
 * What a write returns, and so which privileges it needs: nothing beyond a row count ({@code
 * return=minimal} works on write-only tables), the key columns for Location, or whole rows for a
 * representation (which RLS SELECT policies then also check).
 */
public sealed interface Returning {

  record Count() implements Returning {}

  record Keys(List<String> columns) implements Returning {
    public Keys {
      columns = List.copyOf(columns);
    }
  }

  record Rows() implements Returning {}
}
