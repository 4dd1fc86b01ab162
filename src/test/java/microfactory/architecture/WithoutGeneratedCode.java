package microfactory.architecture;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out what the build generates into target/classes after the tests of a first build ran: Spring AOT's bean
 * definitions ({@code X__BeanDefinitions}) and its CGLIB proxies ({@code X$$SpringCGLIB$$0}). They are not our code,
 * and a second {@code ./mvnw verify} without {@code clean} must judge the same classes as the first.
 */
public final class WithoutGeneratedCode implements ImportOption {

    private static final Pattern GENERATED = Pattern.compile(".*__[A-Za-z]+(\\$.*)?\\.class");

    @Override
    public boolean includes(Location location) {
        return !location.contains("$$SpringCGLIB$$") && !location.matches(GENERATED);
    }
}
