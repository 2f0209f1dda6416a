package io.converge.devinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture every service keeps, as rules a test checks: a service shares nothing with another but
 * {@code contracts} and the outbox library, and its domain imports no web, messaging or persistence code.
 */
public final class ServiceArchitecture {

  /** Packages of our own that every service may use. */
  static final String[] SHARED = {"io.converge.contracts..", "io.converge.outbox..", "io.converge.service.."};

  private ServiceArchitecture() {
  }

  /** Both rules: for services with a domain package. */
  public static void check(String servicePackage) {
    sharesOnlyContractsAndOutbox(servicePackage);
    domainIsFreeOfInfrastructure(servicePackage);
  }

  public static void sharesOnlyContractsAndOutbox(String servicePackage) {
    sharesOnlyContractsOutboxAnd(servicePackage);
  }

  /** As {@link #sharesOnlyContractsAndOutbox}, allowing libraries of ours too (the saga runtime, for a service that runs sagas). */
  public static void sharesOnlyContractsOutboxAnd(String servicePackage, String... libraryPackages) {
    JavaClasses classes = classes(servicePackage);

    noClasses().that().resideInAPackage(servicePackage + "..")
        .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
            "belong to another Converge service",
            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("io.converge.")
                && !c.getPackageName().startsWith(servicePackage)
                && !c.getPackageName().startsWith("io.converge.contracts")
                && !c.getPackageName().startsWith("io.converge.outbox")
                && !c.getPackageName().startsWith("io.converge.service")
                && java.util.Arrays.stream(libraryPackages).noneMatch(c.getPackageName()::startsWith)))
        .because("services share nothing but contracts/, the outbox library and the libraries named")
        .check(classes);
  }

  public static void domainIsFreeOfInfrastructure(String servicePackage) {
    JavaClasses classes = classes(servicePackage);

    noClasses().that().resideInAPackage(servicePackage + "..domain..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.sql..",
            "java.sql..", "io.eventuate..", "org.apache.kafka..", "com.fasterxml..", "io.converge.outbox..",
            "io.converge.service..")
        .because("domain code imports no web, messaging or persistence code")
        .check(classes);
  }

  private static JavaClasses classes(String servicePackage) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(servicePackage);
  }
}
