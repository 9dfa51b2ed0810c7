package io.runserverplus.reloader;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Which changed files the running app serves fresh by itself, so that a restart (and the app's
 * in-memory state) is not spent on them: files under a static location ({@code public/},
 * {@code META-INF/resources/}) of a watched directory, as Spring DevTools does for
 * {@code static/} and {@code templates/}.
 */
final class StaticFiles {

    static final StaticFiles NONE = new StaticFiles(List.of());

    /** Each location with a trailing slash, '/'-separated. */
    private final List<String> prefixes;

    private StaticFiles(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    static StaticFiles of(List<String> locations) {
        return new StaticFiles(locations.stream()
                .map(location -> location.replace('\\', '/').replaceAll("^/+|/+$", ""))
                .filter(location -> !location.isEmpty())
                .map(location -> location + "/")
                .toList());
    }

    /** Whether every one of {@code changed} lies in a static location of one of the watched {@code roots}. */
    boolean allStatic(Collection<Path> changed, List<Path> roots) {
        return !prefixes.isEmpty() && !changed.isEmpty() && changed.stream().allMatch(path -> isStatic(path, roots));
    }

    private boolean isStatic(Path path, List<Path> roots) {
        for (Path root : roots) {
            if (!path.equals(root) && path.startsWith(root)) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (prefixes.stream().anyMatch(relative::startsWith)) {
                    return true;
                }
            }
        }
        return false;
    }
}
