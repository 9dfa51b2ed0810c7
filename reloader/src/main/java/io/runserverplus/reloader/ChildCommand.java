package io.runserverplus.reloader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the child's command line: {@code java} from the same {@code java.home}, the parent's
 * forwardable JVM options, the extra ones, {@code -cp}, the main class (in its module when the
 * parent ran from the module path) and its arguments.
 */
final class ChildCommand {

    /** Hot implicit exceptions must keep their own instances, or frame-locals captures pile up. */
    static final String KEEP_FAST_THROW_TRACES = "-XX:-OmitStackTraceInFastThrow";

    /**
     * Only the C1 compiler: the child is restarted on every change and lives for minutes, so
     * start-up counts, not peak speed. Measured with the Javalin demo on 2 cores (JDK 25): child
     * start to first response 950 -> 640 ms, since C2's compile threads no longer compete with the
     * start for the cores. Behaviour and stack traces are unchanged; it works on JDK 21. It comes
     * before the extra options, so an app can still ask for C2 ({@code -XX:TieredStopAtLevel=4}).
     */
    static final String QUICK_START_JIT = "-XX:TieredStopAtLevel=1";

    /** How the JVM lists {@code -m module/Main} among its input arguments (the main class is the supervisor's). */
    private static final String MAIN_MODULE = "-Djdk.module.main=";

    private ChildCommand() {
    }

    static List<String> build(Path javaHome, String classPath, List<String> parentOptions,
            List<String> extraOptions, String mainClass, List<String> args) {
        var command = new ArrayList<String>();
        command.add(javaExecutable(javaHome).toString());
        command.addAll(forwarded(parentOptions));
        command.add(QUICK_START_JIT);
        command.addAll(extraOptions);
        command.add(KEEP_FAST_THROW_TRACES);
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        // A parent started with -m module/Main (its module path is among the forwarded options)
        // starts its children the same way.
        Optional<String> mainModule = parentOptions.stream().filter(option -> option.startsWith(MAIN_MODULE))
                .map(option -> option.substring(MAIN_MODULE.length())).findFirst();
        if (mainModule.isPresent()) {
            command.add("-m");
            command.add(mainModule.get() + "/" + mainClass);
        } else {
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    static Path javaExecutable(Path javaHome) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    /**
     * The parent's options that describe the app rather than the way the parent was launched:
     * system properties, assertions, preview and module flags, heap and stack sizes. Agents and
     * debugger options stay with the parent: a second JDWP agent on the same port would fail, and
     * an IDE's agents are meant for the process the IDE started.
     */
    static List<String> forwarded(List<String> parentOptions) {
        var kept = new ArrayList<String>();
        for (String option : parentOptions) {
            if (option.startsWith("-D") && !option.startsWith("-Djava.class.path=") && !option.startsWith(MAIN_MODULE)
                    || option.equals("-ea") || option.startsWith("-ea:")
                    || option.equals("-enableassertions") || option.startsWith("-enableassertions:")
                    || option.equals("-esa") || option.equals("--enable-preview")
                    || option.startsWith("--add-opens=") || option.startsWith("--add-exports=")
                    || option.startsWith("--add-reads=") || option.startsWith("--add-modules=")
                    || option.startsWith("--module-path=") || option.startsWith("--upgrade-module-path=")
                    || option.startsWith("--limit-modules=") || option.startsWith("--patch-module=")
                    || option.startsWith("--enable-native-access=")
                    || option.startsWith("-Xmx") || option.startsWith("-Xms") || option.startsWith("-Xss")) {
                kept.add(option);
            }
        }
        return kept;
    }
}
