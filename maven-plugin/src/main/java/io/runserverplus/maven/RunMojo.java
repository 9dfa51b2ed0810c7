package io.runserverplus.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * {@code ./mvnw runserverplus:run}: compiles what is stale, then runs the app's main class in its
 * own JVM over the runtime class path, where the main's {@code RunServerPlus.builder()...start()}
 * serves the app under the supervisor. In a build of several modules ({@code -pl app -am}) the
 * goal runs the one module with such a main and skips the others.
 */
// Compile and runtime: provided-scope dependencies are not on the app's class path, but compiling on change needs them.
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RunMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * The class whose main starts RunServerPlus. Without it, the one class under the project's
     * class directory whose {@code static main(String[])} is in a class that uses RunServerPlus.
     */
    @Parameter(property = "exec.mainClass")
    private String mainClass;

    /** runserver_plus arguments, split as a shell splits them: {@code "0.0.0.0:9000 --cert-file dev"}. */
    @Parameter(property = "runserverplus.args")
    private String args;

    /** Options for the app's JVM, split the same way: {@code "-Xmx512m -Dapp.mode=dev"}. */
    @Parameter(property = "runserverplus.jvmArgs")
    private String jvmArgs;

    @Component
    private RepositorySystem repositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> appArgs = RunArguments.split("runserverplus.args", args);
        List<String> appJvmArgs = RunArguments.split("runserverplus.jvmArgs", jvmArgs);
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        String main = chooseMainClass(classes);
        if (main == null) {
            getLog().info("Skipping " + project.getArtifactId() + ": no main class here starts RunServerPlus.");
            return;
        }
        List<String> classPath;
        try {
            List<String> resolved = project.getRuntimeClasspathElements();
            getLog().debug("Runtime class path as resolved: " + resolved);
            classPath = AppClassPath.of(project, resolved, session.getAllProjects());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The runtime class path of " + project.getArtifactId()
                    + " could not be resolved: " + e.getMessage(), e);
        }
        List<String> jvmOptions = new ArrayList<>(CompileSettings.jvmOptions(project,
                AppClassPath.modulesUsed(project, session.getAllProjects()), processorPath()));
        compileOnly(classPath).ifPresent(jvmOptions::add);
        jvmOptions.addAll(appJvmArgs); // the user's own options last: they may override ours
        List<String> command = AppProcess.command(Path.of(System.getProperty("java.home")), jvmOptions, classPath, main,
                appArgs);
        getLog().info("Running " + main + " (the runtime class path of " + project.getArtifactId() + ")");
        getLog().debug(String.join(" ", command));
        int status;
        try {
            status = AppProcess.run(command, project.getBasedir());
        } catch (IOException e) {
            throw new MojoExecutionException("The app's JVM could not be started (" + e.getMessage() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the app ran.", e);
        }
        if (status != 0) {
            throw new MojoFailureException(main + " ended with exit code " + status + "; its own message is above.");
        }
    }

    /** The compile class path's entries the app's class path lacks (provided scope), for the supervisor's javac. */
    private java.util.Optional<String> compileOnly(List<String> classPath) throws MojoExecutionException {
        List<String> compileOnly = new ArrayList<>();
        try {
            for (String element : project.getCompileClasspathElements()) {
                if (!classPath.contains(element) && !element.equals(project.getBuild().getOutputDirectory())) {
                    compileOnly.add(element);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile class path of " + project.getArtifactId()
                    + " could not be resolved: " + e.getMessage(), e);
        }
        return compileOnly.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("-Drunserverplus.compile.classPath=" + String.join(java.io.File.pathSeparator,
                        compileOnly));
    }

    /**
     * maven-compiler-plugin's {@code <annotationProcessorPaths>}, resolved with their dependencies
     * as the compiler plugin resolves them; empty when none is configured.
     */
    private List<String> processorPath() throws MojoExecutionException {
        Xpp3Dom compiler = CompileSettings.compilerConfiguration(project);
        Xpp3Dom paths = compiler == null ? null : compiler.getChild("annotationProcessorPaths");
        if (paths == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (Xpp3Dom path : paths.getChildren()) {
            String coordinates = value(path, "groupId") + ":" + value(path, "artifactId") + ":"
                    + (value(path, "type").isEmpty() ? "jar" : value(path, "type")) + ":" + value(path, "classifier")
                    + ":" + value(path, "version");
            try {
                DefaultArtifact artifact = new DefaultArtifact(value(path, "groupId"), value(path, "artifactId"),
                        value(path, "classifier"), value(path, "type").isEmpty() ? "jar" : value(path, "type"),
                        value(path, "version"));
                CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"),
                        project.getRemoteProjectRepositories());
                for (ArtifactResult result : repositories.resolveDependencies(session.getRepositorySession(),
                        new DependencyRequest(collect, null)).getArtifactResults()) {
                    files.add(result.getArtifact().getFile().getAbsolutePath());
                }
            } catch (DependencyResolutionException | IllegalArgumentException e) {
                throw new MojoExecutionException("The annotation processor " + coordinates + " of maven-compiler-plugin's"
                        + " <annotationProcessorPaths> could not be resolved: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static String value(Xpp3Dom parent, String name) {
        Xpp3Dom child = parent.getChild(name);
        return child == null || child.getValue() == null ? "" : child.getValue().strip();
    }

    /** The main class to run here, or null when this module is not the app in a build of several. */
    private String chooseMainClass(Path classes) throws MojoFailureException {
        boolean lastOfTheBuild = project.equals(session.getProjects().get(session.getProjects().size() - 1));
        if (mainClass != null && !mainClass.isBlank()) {
            // -Dexec.mainClass reaches every module of the build: run it where it is, or at the end.
            return lastOfTheBuild || MainClassFinder.contains(classes, mainClass.strip()) ? mainClass.strip() : null;
        }
        List<String> candidates = MainClassFinder.candidates(classes);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (!lastOfTheBuild) {
            return null;
        }
        if (candidates.isEmpty()) {
            throw new MojoFailureException("No class in " + classes + " has a main method that starts RunServerPlus;"
                    + " name the main class with -Dexec.mainClass=com.example.Main or <mainClass> in the plugin's"
                    + " configuration.");
        }
        throw new MojoFailureException("Several classes in " + classes + " have a main method that starts"
                + " RunServerPlus (" + String.join(", ", candidates) + "); choose one with -Dexec.mainClass="
                + candidates.get(0) + " or <mainClass> in the plugin's configuration.");
    }
}
