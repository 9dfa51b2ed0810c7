package io.runserverplus.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * The app's runtime class path, with each module of the same build that the app depends on given
 * as its class directory rather than its jar: the supervisor watches the class path's directories,
 * so a change compiled into another module reloads the app too.
 */
final class AppClassPath {

    private AppClassPath() {
    }

    static List<String> of(MavenProject app, List<String> runtimeElements, List<MavenProject> buildProjects) {
        Map<String, String> moduleDirectories = new HashMap<>();
        for (Artifact dependency : app.getArtifacts()) {
            if (dependency.getFile() == null || dependency.hasClassifier() || !"jar".equals(dependency.getType())) {
                continue;
            }
            for (MavenProject module : buildProjects) {
                if (sameCoordinates(module, dependency)) {
                    Path classes = Path.of(module.getBuild().getOutputDirectory());
                    if (Files.isDirectory(classes)) {
                        moduleDirectories.put(dependency.getFile().getAbsolutePath(), classes.toString());
                    }
                }
            }
        }
        List<String> classPath = new ArrayList<>();
        for (String element : runtimeElements) {
            classPath.add(moduleDirectories.getOrDefault(new File(element).getAbsolutePath(), element));
        }
        return classPath;
    }

    /** The modules of this build the app depends on (their class directories are on its class path). */
    static List<MavenProject> modulesUsed(MavenProject app, List<MavenProject> buildProjects) {
        List<MavenProject> used = new ArrayList<>();
        for (Artifact dependency : app.getArtifacts()) {
            for (MavenProject module : buildProjects) {
                if (sameCoordinates(module, dependency) && !used.contains(module)
                        && Files.isDirectory(Path.of(module.getBuild().getOutputDirectory()))) {
                    used.add(module);
                }
            }
        }
        return used;
    }

    private static boolean sameCoordinates(MavenProject module, Artifact dependency) {
        return module.getGroupId().equals(dependency.getGroupId())
                && module.getArtifactId().equals(dependency.getArtifactId())
                && module.getVersion().equals(dependency.getBaseVersion());
    }
}
