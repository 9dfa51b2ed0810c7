package io.runserverplus.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * How the project's build compiles, handed to the supervisor (which compiles a changed source on
 * change) as the {@code -Drunserverplus.compile.*} options it reads: the source roots of the app's
 * module and of the modules of this build it uses, each with its class directory (so a
 * {@code <sourceDirectory>src/java</sourceDirectory>} is found too), the release, the encoding and
 * the annotation processors maven-compiler-plugin is configured with.
 */
final class CompileSettings {

    static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    private CompileSettings() {
    }

    /**
     * The JVM options for the app's JVM, where the supervisor runs.
     *
     * @param processorPath the resolved {@code <annotationProcessorPaths>}, empty when none is configured
     */
    static List<String> jvmOptions(MavenProject app, List<MavenProject> modulesUsed, List<String> processorPath) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        for (MavenProject module : withApp(app, modulesUsed)) {
            MavenProject built = module.getExecutionProject() != null ? module.getExecutionProject() : module;
            Path buildDirectory = Path.of(built.getBuild().getDirectory()).toAbsolutePath().normalize();
            for (String root : built.getCompileSourceRoots()) {
                Path sources = Path.of(root).toAbsolutePath().normalize();
                // Generated sources (target/generated-sources/annotations) are the compiler's output, not edits.
                if (!sources.startsWith(buildDirectory)) {
                    roots.add(sources + "=" + Path.of(built.getBuild().getOutputDirectory()).toAbsolutePath().normalize());
                }
            }
        }
        if (!roots.isEmpty()) {
            options.put("runserverplus.compile.sourceRoots", String.join(File.pathSeparator, roots));
        }
        Xpp3Dom compiler = compilerConfiguration(app);
        putIfGiven(options, "runserverplus.compile.release",
                first(child(compiler, "release"), app.getProperties().getProperty("maven.compiler.release")));
        putIfGiven(options, "runserverplus.compile.encoding",
                first(child(compiler, "encoding"), app.getProperties().getProperty("project.build.sourceEncoding")));
        if (!processorPath.isEmpty()) {
            options.put("runserverplus.compile.processorPath", String.join(File.pathSeparator, processorPath));
        }
        Xpp3Dom processors = compiler == null ? null : compiler.getChild("annotationProcessors");
        if (processors != null) {
            List<String> names = new ArrayList<>();
            for (Xpp3Dom processor : processors.getChildren()) {
                if (processor.getValue() != null && !processor.getValue().isBlank()) {
                    names.add(processor.getValue().strip());
                }
            }
            putIfGiven(options, "runserverplus.compile.processors", String.join(",", names));
        }
        List<String> jvmOptions = new ArrayList<>();
        options.forEach((name, value) -> jvmOptions.add("-D" + name + "=" + value));
        return jvmOptions;
    }

    /** maven-compiler-plugin's configuration in the app's build, or null. */
    static Xpp3Dom compilerConfiguration(MavenProject app) {
        Plugin plugin = app.getPlugin(COMPILER_PLUGIN);
        return plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom configuration) ? null : configuration;
    }

    private static List<MavenProject> withApp(MavenProject app, List<MavenProject> modulesUsed) {
        List<MavenProject> modules = new ArrayList<>();
        modules.add(app);
        modulesUsed.stream().filter(module -> !module.equals(app)).forEach(modules::add);
        return modules;
    }

    private static String child(Xpp3Dom configuration, String name) {
        Xpp3Dom child = configuration == null ? null : configuration.getChild(name);
        return child == null ? null : child.getValue();
    }

    /** The first value that is given and not an unresolved {@code ${...}} expression. */
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank() && !value.contains("${")) {
                return value.strip();
            }
        }
        return null;
    }

    private static void putIfGiven(Map<String, String> options, String name, String value) {
        if (value != null && !value.isBlank()) {
            options.put(name, value);
        }
    }
}
