package io.converge.saga.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runtime knows no saga: it serves any saga type a service declares, and names no business object. */
class RuntimeArchitectureTest {

  private static final JavaClasses RUNTIME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.converge.saga.runtime");

  @Test
  void importsNoSagaNoParticipantAndNoBusinessContract() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.converge.orchestrator..",
            "io.converge.order..", "io.converge.inventory..", "io.converge.customer..", "io.converge.payment..",
            "io.converge.contracts.order..", "io.converge.contracts.inventory..", "io.converge.contracts.customer..",
            "io.converge.contracts.payment..")
        .because("the runtime serves every saga; sagas, participants and their contracts depend on it, not it on them")
        .check(RUNTIME);
  }

  /** SQL is text ArchUnit cannot see: the sources are read instead. */
  @Test
  void sagaStateIsWrittenByTheStatePackageAlone() throws IOException {
    Pattern writesSagaState = Pattern.compile("(INSERT INTO|UPDATE|DELETE FROM)\\s+saga_(summary|history)\\b");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<Path> writers = sources.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> !path.toString().contains("/runtime/state/"))
          .filter(path -> writesSagaState.matcher(read(path)).find()).toList();
      assertThat(writers).as("classes outside the state package that write saga state").isEmpty();
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
