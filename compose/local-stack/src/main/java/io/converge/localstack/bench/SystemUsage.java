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

  /**
   * CPU time the local stack's JIT compiler threads have used so far, in seconds; empty when the stack does not run
   * on this machine.
   */
  static Optional<Double> jitCompilerSeconds() {
    List<Long> stack = systemPids().stream().filter(pid -> !isDatabaseServer(pid)).toList();
    if (stack.isEmpty()) {
      return Optional.empty();
    }
    // Summed over every match: a script that started the stack matches by its command line too, with no such threads.
    return Optional.of(stack.stream().mapToLong(SystemUsage::jitCompilerTicks).sum() / TICKS_PER_SECOND);
  }

  private static long jitCompilerTicks(long pid) {
    try (var threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      return threads.filter(thread -> read(thread.resolve("comm")).orElse("").matches("C[12] CompilerThre\\s*"))
          .mapToLong(thread -> statTicks(thread.resolve("stat"))).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<Long> systemPids() {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(p -> {
          String command = p.info().commandLine().orElse("");
          return (command.contains("converge-local-stack") && !command.contains(" bench"))
              || isDatabaseServer(p.pid());
        })
        .map(ProcessHandle::pid).toList();
  }

  private static boolean isDatabaseServer(long pid) {
    String command = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
    return command.contains("mariadbd") || command.contains("mysqld");
  }

  private static long cpuTicks(long pid) {
    return statTicks(Path.of("/proc", String.valueOf(pid), "stat"));
  }

  /** utime + stime of a process's or thread's {@code stat} file. */
  private static long statTicks(Path stat) {
    return read(stat).map(text -> {
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
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
