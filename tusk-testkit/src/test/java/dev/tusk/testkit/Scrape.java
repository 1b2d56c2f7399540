package dev.tusk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One parsed /metrics scrape: its families in order, each with its samples. */
record Scrape(Map<String, Family> families) {

  /** One metric family: its TYPE, its HELP text (unescaped) and its samples in order. */
  record Family(String name, String type, String help, List<Sample> samples) {}

  /** One sample line, with its label values unescaped. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** The family, or an AssertionError naming what the scrape did declare. */
  Family family(String name) {
    Family f = families.get(name);
    if (f == null) {
      throw new AssertionError("no metric family " + name + " in " + families.keySet());
    }
    return f;
  }

  /** The samples of {@code name} whose labels include every given name/value pair. */
  List<Sample> samples(String name, String... labelPairs) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : family(name).samples()) {
      boolean match = true;
      for (int i = 0; i < labelPairs.length; i += 2) {
        match &= labelPairs[i + 1].equals(s.labels().get(labelPairs[i]));
      }
      if (match) {
        out.add(s);
      }
    }
    return out;
  }

  /** The value of the one sample of {@code name} with these labels; fails unless exactly one. */
  double value(String name, String... labelPairs) {
    List<Sample> found = samples(name, labelPairs);
    if (found.size() != 1) {
      throw new AssertionError(
          found.size()
              + " samples of "
              + name
              + " match "
              + List.of(labelPairs)
              + "; the family has "
              + family(name).samples());
    }
    return found.getFirst().value();
  }
}
