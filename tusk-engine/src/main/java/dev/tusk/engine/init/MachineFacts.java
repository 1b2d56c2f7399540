package dev.tusk.engine.init;

/** What postgresql.conf sizing depends on: the memory and CPUs this server may use. */
public record MachineFacts(long memoryBytes, int cpus) {

  /** Reads the JVM's view, which honours cgroup (container) limits. */
  public static MachineFacts detect() {
    long memory =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return new MachineFacts(memory, Runtime.getRuntime().availableProcessors());
  }
}
