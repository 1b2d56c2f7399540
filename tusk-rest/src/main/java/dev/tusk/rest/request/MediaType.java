package dev.tusk.rest.request;

import java.util.Set;

/**
 * The media types the API understands in {@code Accept} and {@code Content-Type}, PostgREST's set
 * plus {@link Other} for anything else (a function may still produce it, via a media type handler
 * the planner knows about). Parameters that change the output ({@code nulls=stripped}, a plan's
 * {@code for} and {@code options}) are fields; all other parameters are dropped.
 */
public sealed interface MediaType {

  /** {@code type/subtype}, lower case, without parameters. */
  String essence();

  record Json() implements MediaType {
    @Override
    public String essence() {
      return "application/json";
    }
  }

  /** {@code application/vnd.pgrst.array+json[;nulls=stripped]}. */
  record ArrayJson(boolean stripNulls) implements MediaType {
    @Override
    public String essence() {
      return "application/vnd.pgrst.array+json";
    }
  }

  /** {@code application/vnd.pgrst.object+json[;nulls=stripped]}: exactly one row, as an object. */
  record SingleObject(boolean stripNulls) implements MediaType {
    @Override
    public String essence() {
      return "application/vnd.pgrst.object+json";
    }
  }

  record Csv() implements MediaType {
    @Override
    public String essence() {
      return "text/csv";
    }
  }

  record GeoJson() implements MediaType {
    @Override
    public String essence() {
      return "application/geo+json";
    }
  }

  record OpenApi() implements MediaType {
    @Override
    public String essence() {
      return "application/openapi+json";
    }
  }

  record TextPlain() implements MediaType {
    @Override
    public String essence() {
      return "text/plain";
    }
  }

  record TextXml() implements MediaType {
    @Override
    public String essence() {
      return "text/xml";
    }
  }

  record OctetStream() implements MediaType {
    @Override
    public String essence() {
      return "application/octet-stream";
    }
  }

  record UrlEncoded() implements MediaType {
    @Override
    public String essence() {
      return "application/x-www-form-urlencoded";
    }
  }

  /** {@code *}{@code /*}. */
  record Any() implements MediaType {
    @Override
    public String essence() {
      return "*/*";
    }
  }

  /**
   * {@code application/vnd.pgrst.plan[+json|+text]; for="..."; options=analyze|verbose}: the
   * EXPLAIN output of the query that would produce {@code target}.
   */
  record Plan(MediaType target, PlanFormat format, Set<PlanOption> options) implements MediaType {
    public Plan {
      options = Set.copyOf(options);
    }

    @Override
    public String essence() {
      return "application/vnd.pgrst.plan+" + (format == PlanFormat.JSON ? "json" : "text");
    }
  }

  /** Any other {@code type/subtype}, lower case. */
  record Other(String essence) implements MediaType {}

  enum PlanFormat {
    TEXT,
    JSON
  }

  /** EXPLAIN options a client may ask for. */
  enum PlanOption {
    ANALYZE,
    VERBOSE,
    SETTINGS,
    BUFFERS,
    WAL
  }
}
