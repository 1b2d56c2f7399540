package dev.tusk.core.config;

/**
 * Where a value came from: a place in the file, an environment variable, or the built-in default.
 * Every error names it, so a user fixes the right thing (an override in the environment can hide
 * the value they keep editing in the file).
 */
sealed interface Origin {

  /** The tail of an error message: {@code at tusk.yaml:3:9}. */
  String describe();

  /** The start of a hint: what to change. */
  String fix();

  record InFile(Location location) implements Origin {
    @Override
    public String describe() {
      return "at " + location;
    }

    @Override
    public String fix() {
      return "edit the value at " + location;
    }
  }

  record FromEnv(String variable) implements Origin {
    @Override
    public String describe() {
      return "from environment variable " + variable;
    }

    @Override
    public String fix() {
      return "fix or unset the environment variable " + variable;
    }
  }

  record ByDefault() implements Origin {
    @Override
    public String describe() {
      return "(the default)";
    }

    @Override
    public String fix() {
      return "set the key explicitly";
    }
  }
}
