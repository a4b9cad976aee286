package org.openphm.analyses.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code analyses} form a layered graph with no cycles, so that a reader can follow a data-pack
 * chapter's package without being sent round in a loop: families (qof, acute, conditions, ...) depend on the
 * shared packages (indicator, catalogue, output), never the other way, and not on each other in a circle.
 */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.openphm.analyses");

    @Test
    void theAnalysesPackagesHaveNoCycles() {
        // an empty import would pass every rule: the analyses are over a hundred classes in a dozen packages
        assertTrue(CLASSES.size() > 100, "imported only " + CLASSES.size() + " classes");
        assertNoViolation(
                slices().matching("org.openphm.analyses.(*)..").should().beFreeOfCycles());
    }

    /** The shared packages know no chapter: a chapter can be read, changed or removed without touching them. */
    @Test
    void theSharedPackagesDependOnNoChapter() {
        assertNoViolation(noClasses()
                .that()
                .resideInAnyPackage(
                        "..analyses.indicator..",
                        "..analyses.catalogue..",
                        "..analyses.output..",
                        "..analyses.icb..",
                        "..analyses.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..analyses.population..",
                        "..analyses.conditions..",
                        "..analyses.qof..",
                        "..analyses.quality..",
                        "..analyses.performance..",
                        "..analyses.acute..",
                        "..analyses.resources..",
                        "..analyses.risk..",
                        "..analyses.phm..",
                        "..analyses.impact..",
                        "..analyses.pack..",
                        "..analyses.build.."));
    }

    private static void assertNoViolation(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertFalse(
                result.hasViolation(),
                () -> String.join("\n", result.getFailureReport().getDetails()));
    }
}
