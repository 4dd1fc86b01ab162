package microfactory.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature boundaries of docs/ARCHITECTURE.md, held by the build. */
@AnalyzeClasses(packages = "microfactory", importOptions = {ImportOption.DoNotIncludeTests.class, WithoutGeneratedCode.class})
class ArchitectureTest {

    /** A feature's repository is its own: other features go through its service. */
    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInsideTheirFeature = classes()
            .that().areAnnotatedWith(Repository.class)
            .should().bePackagePrivate()
            .as("repositories are package-private, so only their own feature reaches them");

    /** SQL lives in repositories (and the ledger's writer), so each feature's tables have one owner. */
    @ArchTest
    static final ArchRule onlyRepositoriesTalkSql = noClasses()
            .that().areNotAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .as("only @Repository classes use JdbcClient");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("microfactory.(*)..").should().beFreeOfCycles();

    /** The scheduler is a pure library: plain records in, a schedule out, benchmarked on its own. */
    @ArchTest
    static final ArchRule schedulingIsPure = noClasses()
            .that().resideInAPackage("microfactory.scheduling..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta..", "microfactory.web..")
            .allowEmptyShould(true);

    /** The shared layers know no feature. */
    @ArchTest
    static final ArchRule sharedLayersKnowNoFeature = noClasses()
            .that().resideInAnyPackage("microfactory.common..", "microfactory.web..")
            .should().dependOnClassesThat().resideInAnyPackage("microfactory.members..", "microfactory.chapter..",
                    "microfactory.equipment..", "microfactory.ledger..", "microfactory.designs..",
                    "microfactory.production..", "microfactory.merit..", "microfactory.learning..", "microfactory.audit..",
                    "microfactory.mail..", "microfactory.backup..", "microfactory.signing..");

    /** Money is an integer count of minor units, never a floating-point number. */
    @ArchTest
    static final ArchRule moneyIsNeverFloatingPoint = fields()
            .that().haveNameMatching("(?i).*(amount|minor|price|cost|dues|balance|fee).*")
            .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
            .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class);
}
