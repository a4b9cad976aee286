package org.openphm.analyses.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code analyses} form a layered graph with no cycles, so that a reader can follow a data-pack
 * chapter's package without being sent round in a loop: families (qof, acute, conditions, ...) depend on the
 * shared packages (indicator, catalogue, output), never the other way, and not on each other in a circle.
 */
class PackageCyclesTest {

    @Test
    void theAnalysesPackagesHaveNoCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.openphm.analyses");
        slices().matching("org.openphm.analyses.(*)..").should().beFreeOfCycles().check(classes);
    }
}
