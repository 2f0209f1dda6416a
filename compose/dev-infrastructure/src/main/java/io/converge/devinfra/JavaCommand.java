package io.converge.devinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that runs a main class in a JVM of its own, on this JVM's Java and class path. */
public final class JavaCommand {

  private JavaCommand() {
  }

  /**
   * @param maxHeap    such as {@code 512m}
   * @param jvmOptions more JVM options ({@code -D...})
   */
  public static List<String> of(String maxHeap, List<String> jvmOptions, Class<?> mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(arguments);
    return command;
  }
}
