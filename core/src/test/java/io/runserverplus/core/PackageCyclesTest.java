package io.runserverplus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's packages form layers: none reaches, through any chain of dependencies, back to itself.
 * The JDK's own jdeps reads the compiled classes (so a dependency through a field type, a
 * signature or a method call counts, as it does for the module system), and the packages that
 * reach each other are reported together.
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE_EDGE = Pattern.compile(
            "^\\s+(io\\.runserverplus\\.core\\S*)\\s+->\\s+(io\\.runserverplus\\.core\\S*)\\s");

    @Test
    void corePackagesHaveNoCycles() throws Exception {
        Map<String, Set<String>> edges = packageDependencies(coreClasses());

        assertThat(edges.get("io.runserverplus.core")).as("jdeps read the builder's dependencies")
                .contains("io.runserverplus.core.settings", "io.runserverplus.core.traceback");
        assertThat(cycles(edges)).as("groups of core packages that depend on each other").isEmpty();
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));

        assertThat(cycles(edges)).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    }

    /** Core's compiled classes, without module-info (jdeps would then want every required module). */
    private static List<String> coreClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(RunServerPlus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .map(Path::toString).toList();
        }
    }

    private static Map<String, Set<String>> packageDependencies(List<String> classFiles) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("this JDK has no jdeps tool; run the build on a full JDK"));
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-e", "io\\.runserverplus\\.core.*"));
        args.addAll(classFiles);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(status).as("jdeps: %s", err).isZero();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = PACKAGE_EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                edges.computeIfAbsent(edge.group(1), from -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return edges;
    }

    /** Tarjan's strongly connected components with more than one package: each is one cycle (or several). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowLink = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : new TreeSet<>(edges.keySet())) {
            if (!index.containsKey(start)) {
                connect(start, edges, index, lowLink, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> edges, Map<String, Integer> index,
                                Map<String, Integer> lowLink, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> found) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, lowLink, stack, onStack, found);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
            } else if (onStack.contains(next)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
