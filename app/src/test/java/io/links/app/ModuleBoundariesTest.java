package io.links.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: app to both sides, both sides to shared-api, and never between the sides.
 */
class ModuleBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.links");

    @Test
    void commandSideDoesNotUseTheQuerySide() {
        noClasses().that().resideInAPackage("io.links.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.links.query..", "io.links.app..")
                .check(classes);
    }

    @Test
    void querySideDoesNotUseTheCommandSide() {
        noClasses().that().resideInAPackage("io.links.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.links.command..", "io.links.app..")
                .check(classes);
    }

    @Test
    void sharedApiDependsOnNeitherSideNorSpring() {
        noClasses().that().resideInAPackage("io.links.api..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.links.command..", "io.links.query..", "io.links.app..",
                        "org.springframework..")
                .check(classes);
    }
}
