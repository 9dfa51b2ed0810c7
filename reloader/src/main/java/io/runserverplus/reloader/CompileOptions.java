package io.runserverplus.reloader;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the supervisor compiles a changed source: as the project's build does, so the class files
 * it writes match the build's (the build tool passes these; without them they are guessed).
 *
 * @param release       {@code --release}; empty: the release of the class files already there
 * @param encoding      the sources' encoding; UTF-8 by default
 * @param processorPath where annotation processors come from; empty: the class path when it declares
 *                      one (as javac before 23 did by default), else none run
 * @param processors    the processors to run by name; empty: those found on the processor path
 */
record CompileOptions(OptionalInt release, Charset encoding, List<Path> processorPath, List<String> processors) {

    static final CompileOptions DEFAULTS = new CompileOptions(OptionalInt.empty(), StandardCharsets.UTF_8, List.of(), List.of());

    /** The system properties a build tool's plugin sets for the supervisor's JVM. */
    static final String RELEASE = "runserverplus.compile.release";
    static final String ENCODING = "runserverplus.compile.encoding";
    static final String PROCESSOR_PATH = "runserverplus.compile.processorPath";
    static final String PROCESSORS = "runserverplus.compile.processors";
    /** What only compiling needs besides the app's class path: provided-scope dependencies (a servlet API, Lombok). */
    static final String CLASS_PATH = "runserverplus.compile.classPath";

    CompileOptions {
        processorPath = List.copyOf(processorPath);
        processors = List.copyOf(processors);
        if (release.isPresent() && release.getAsInt() < 8) {
            throw new ReloaderException("The release to compile for must be 8 or later, but was "
                    + release.getAsInt() + ".");
        }
    }

    /** From {@code -Drunserverplus.compile.*}; one clear sentence for a value that is not usable. */
    static CompileOptions fromSystemProperties() {
        String release = System.getProperty(RELEASE, "").strip();
        String encoding = System.getProperty(ENCODING, "").strip();
        OptionalInt parsedRelease = OptionalInt.empty();
        if (!release.isEmpty()) {
            try {
                parsedRelease = OptionalInt.of(Integer.parseInt(release));
            } catch (NumberFormatException e) {
                throw new ReloaderException("-D" + RELEASE + "=" + release
                        + " is not a Java release; give a number such as 21.");
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        if (!encoding.isEmpty()) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new ReloaderException("-D" + ENCODING + "=" + encoding
                        + " is not an encoding this JVM knows; give one such as UTF-8.");
            }
        }
        return new CompileOptions(parsedRelease, charset, split(System.getProperty(PROCESSOR_PATH, ""), File.pathSeparator)
                .stream().map(Path::of).toList(), split(System.getProperty(PROCESSORS, ""), ","));
    }

    /** The class path to compile against: the app's, then the entries of {@code -Drunserverplus.compile.classPath}. */
    static String compileClassPath(String appClassPath) {
        String more = System.getProperty(CLASS_PATH, "").strip();
        return more.isEmpty() ? appClassPath : appClassPath.isEmpty() ? more : appClassPath + File.pathSeparator + more;
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
