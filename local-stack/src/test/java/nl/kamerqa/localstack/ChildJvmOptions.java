package nl.kamerqa.localstack;

import java.util.List;

/**
 * The build's options for test JVMs ({@code kamerqa.test.child-jvm-options}, set by the root pom: C1 and the serial
 * collector in the normal build, none in the faults and bench profiles), for the JVMs the tests start themselves; put
 * them before each child's own options.
 */
public final class ChildJvmOptions {

    private ChildJvmOptions() {
    }

    public static List<String> fromTheBuild() {
        String options = System.getProperty("kamerqa.test.child-jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }
}
