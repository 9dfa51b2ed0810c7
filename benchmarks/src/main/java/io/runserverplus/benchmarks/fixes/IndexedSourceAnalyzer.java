package io.runserverplus.benchmarks.fixes;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.LineRange;
import io.runserverplus.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposed fix 2: {@code JavaSourceAnalyzer.enclosingCallable} walks the whole syntax tree of the
 * file ({@code unit.findAll(Node.class, ...)}) for every frame; for a 1,000-line JDK file that is
 * tens of thousands of nodes per frame. This keeps, per parsed file, the list of its callables
 * (kind, name, lines) found in one walk, and answers each frame from that short list with the
 * same rule as core (innermost matching callable, else innermost of any kind).
 */
public final class IndexedSourceAnalyzer extends JavaSourceAnalyzer {

    private static final int CACHED_FILES = 64;

    private enum Kind { METHOD, CONSTRUCTOR, STATIC_INITIALIZER, LAMBDA, OTHER }

    private record Callable(Kind kind, String name, int first, int last) {
        boolean contains(int line) {
            return first <= line && line <= last;
        }

        boolean matches(String methodName) {
            if (methodName.startsWith("lambda$")) {
                return kind == Kind.LAMBDA;
            }
            if ("<init>".equals(methodName)) {
                return kind == Kind.CONSTRUCTOR;
            }
            if ("<clinit>".equals(methodName)) {
                return kind == Kind.STATIC_INITIALIZER;
            }
            return kind == Kind.METHOD && name.equals(methodName);
        }
    }

    private final Map<String, List<Callable>> indexes =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Callable>> eldest) {
                    return size() > CACHED_FILES;
                }
            });

    @Override
    public Optional<LineRange> enclosingCallable(SourceFile file, int line, String methodName) {
        String key = file.displayPath() + '\0' + file.text().hashCode() + '\0' + file.text().length();
        List<Callable> callables = indexes.get(key);
        if (callables == null) {
            callables = index(file);
            indexes.put(key, callables);
        }
        Callable matching = null;
        Callable any = null;
        for (Callable callable : callables) {
            if (!callable.contains(line)) {
                continue;
            }
            any = shorter(any, callable);
            if (callable.matches(methodName)) {
                matching = shorter(matching, callable);
            }
        }
        Callable best = matching != null ? matching : any;
        return Optional.ofNullable(best).map(c -> new LineRange(c.first(), c.last()));
    }

    private List<Callable> index(SourceFile file) {
        return parse(file).map(unit -> {
            List<Callable> found = new ArrayList<>();
            for (Node node : unit.findAll(Node.class, IndexedSourceAnalyzer::isCallable)) {
                Optional<Range> range = node.getRange();
                range.ifPresent(r -> found.add(new Callable(kindOf(node), nameOf(node), r.begin.line, r.end.line)));
            }
            return List.copyOf(found);
        }).orElse(List.of());
    }

    private static Callable shorter(Callable current, Callable candidate) {
        return current != null && current.last() - current.first() <= candidate.last() - candidate.first()
                ? current : candidate;
    }

    private static boolean isCallable(Node node) {
        return node instanceof CallableDeclaration<?> || node instanceof LambdaExpr
                || node instanceof InitializerDeclaration || node instanceof CompactConstructorDeclaration;
    }

    private static Kind kindOf(Node node) {
        if (node instanceof LambdaExpr) {
            return Kind.LAMBDA;
        }
        if (node instanceof ConstructorDeclaration || node instanceof CompactConstructorDeclaration) {
            return Kind.CONSTRUCTOR;
        }
        if (node instanceof InitializerDeclaration initializer) {
            return initializer.isStatic() ? Kind.STATIC_INITIALIZER : Kind.OTHER;
        }
        return node instanceof MethodDeclaration ? Kind.METHOD : Kind.OTHER;
    }

    private static String nameOf(Node node) {
        return node instanceof MethodDeclaration method ? method.getNameAsString() : "";
    }
}
