package io.converge.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Memory and CPU of the running system, read from /proc: the local stack's JVM (found by its jar, not this
 * benchmark) and the database server it uses (mariadbd or mysqld) when it runs on this machine.
 */
record SystemUsage(long cpuTicks, long rssKib, long nanos) {

  private static final double TICKS_PER_SECOND = 100.0;

  static SystemUsage now() {
    long ticks = 0;
    long rss = 0;
    for (long pid : systemPids()) {
      ticks += cpuTicks(pid);
      rss += rssKib(pid);
    }
    return new SystemUsage(ticks, rss, System.nanoTime());
  }

  long rssMib() {
    return rssKib / 1024;
  }

  /** CPU time the system (its JVM and the database server) spent between two readings, in milliseconds. */
  static double cpuMillis(SystemUsage before, SystemUsage after) {
    return (after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND * 1000;
  }

  static String coresUsed(SystemUsage before, SystemUsage after) {
    double seconds = (after.nanos - before.nanos) / 1e9;
    return String.format("%.2f", (after.cpuTicks - before.cpuTicks) / TICKS_PER_SECOND / seconds);
  }

  private static List<Long> systemPids() {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(p -> {
          String command = p.info().commandLine().orElse("");
          return (command.contains("converge-local-stack") && !command.contains(" bench"))
              || command.contains("mariadbd") || command.contains("mysqld");
        })
        .map(ProcessHandle::pid).toList();
  }

  private static long cpuTicks(long pid) {
    return read(Path.of("/proc", String.valueOf(pid), "stat")).map(stat -> {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }).orElse(0L);
  }

  private static long rssKib(long pid) {
    return read(Path.of("/proc", String.valueOf(pid), "status")).flatMap(status -> status.lines()
        .filter(line -> line.startsWith("VmRSS:")).findFirst()
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))).orElse(0L);
  }

  private static Optional<String> read(Path path) {
    try {
      return Optional.of(Files.readString(path));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
