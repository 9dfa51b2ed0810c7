package io.runserverplus.reloader;

import io.runserverplus.spi.ReloaderProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What an app JVM finds in its environment: that a supervisor started it, and whose it is (for
 * {@link ParentWatch} and the {@link Lifeline}), where hot swaps come from, and, for each start,
 * how many came before it, where to serve and the files through which it says that it serves and
 * that a static file changed. Besides the user's own variables (core's cookie key).
 */
final class ChildEnvironment {

    private final Map<String, String> common;

    ChildEnvironment(Map<String, String> userVariables, HotSwap hotSwap) {
        var env = new HashMap<>(userVariables);
        env.put(Supervisor.CHILD_ENV, "1");
        env.put(Supervisor.SUPERVISOR_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        String lifeline = Lifeline.environmentValue();
        if (lifeline != null) {
            env.put(Lifeline.ENV, lifeline);
        }
        if (hotSwap != null) {
            env.put(HotSwap.DIRECTORY_ENV, hotSwap.directory().toString());
        }
        this.common = Map.copyOf(env);
    }

    /**
     * For the app JVM started after {@code index} others; {@code address}: "host port" where it
     * serves, or null for the first to choose; {@code servingFile}: null when none could be made.
     */
    Map<String, String> forStart(int index, String address, Path servingFile) {
        Map<String, String> env = new HashMap<>(common);
        env.put(Supervisor.START_ENV, Integer.toString(index));
        if (address != null) {
            env.put(ReloaderProvider.ADDRESS_ENV, address);
        }
        if (servingFile != null) {
            env.put(Supervisor.SERVING_FILE_ENV, servingFile.toString());
            env.put(Supervisor.STATIC_CHANGES_ENV, StaticChanges.file(servingFile).toString());
        }
        return env;
    }
}
