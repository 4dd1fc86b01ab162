package microfactory;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import microfactory.cli.MicrofactoryCli;

/**
 * One jar, two faces: with no verb (or {@code serve}) it starts the chapter's server; any other
 * verb runs the command line without starting Spring, so scripts stay fast.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Microfactory {

    /**
     * Set by {@code ./run}: start the server from the bean definitions Spring AOT worked out at build time
     * ({@code process-aot}), which skips scanning and condition evaluation at start. Only for the server: those
     * definitions assume a web application, which the CLI's Spring-based verbs are not.
     */
    static final String PREBUILT_BEANS = "microfactory.prebuilt-beans";

    /** Arguments that belong to the CLI rather than to Spring. */
    private static final Set<String> CLI_FLAGS = Set.of("--help", "-h", "--version", "-V");

    public static void main(String[] args) {
        if (startsServer(args)) {
            String[] springArgs = args.length > 0 && args[0].equals("serve")
                    ? Arrays.copyOfRange(args, 1, args.length) : args;
            if (Boolean.getBoolean(PREBUILT_BEANS)) {
                System.setProperty("spring.aot.enabled", "true");
            }
            SpringApplication.run(Microfactory.class, springArgs);
        } else {
            System.exit(MicrofactoryCli.run(args));
        }
    }

    /** No arguments, {@code serve}, or only Spring settings such as {@code --server.port=9090}. */
    static boolean startsServer(String[] args) {
        if (args.length == 0 || args[0].equals("serve")) {
            return true;
        }
        return args[0].startsWith("--") && !CLI_FLAGS.contains(args[0]);
    }
}
