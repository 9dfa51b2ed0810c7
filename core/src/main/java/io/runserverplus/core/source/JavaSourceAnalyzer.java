package io.runserverplus.core.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses Java sources with JavaParser (language level 21, so records, sealed types and pattern
 * switches parse) to find the method, constructor, initializer or lambda enclosing a line. Parsed
 * files are kept in a small LRU cache: a page asks about many frames of the same few files.
 */
@Singleton
public class JavaSourceAnalyzer {

    private static final int CACHED_FILES = 64;

    private final Map<String, Optional<CompilationUnit>> parsed =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<CompilationUnit>> eldest) {
                    return size() > CACHED_FILES;
                }
            });

    /** The parsed file, or empty when it does not parse (the page then shows plain lines). */
    public Optional<CompilationUnit> parse(SourceFile file) {
        String key = key(file);
        Optional<CompilationUnit> unit = parsed.get(key);
        if (unit == null) {
            unit = parseNow(file.text());
            parsed.put(key, unit);
        }
        return unit;
    }

    /**
     * Lines of the innermost callable containing the line that matches the frame's method: a
     * lambda for {@code lambda$...} frames, a constructor for {@code <init>}, an initializer for
     * {@code <clinit>}, else a method of that name; any callable when none matches.
     */
    public Optional<LineRange> enclosingCallable(SourceFile file, int line, String methodName) {
        return callables(file).flatMap(spans -> innermost(spans, line, methodName));
    }

    /** What a frame needs to know of a callable; listed once per file so frames never walk the tree. */
    private record Span(Kind kind, String name, int first, int last) {
        boolean contains(int line) {
            return first <= line && line <= last;
        }

        int length() {
            return last - first;
        }
    }

    private enum Kind { METHOD, CONSTRUCTOR, STATIC_INITIALIZER, LAMBDA, OTHER }

    private final Map<String, Optional<List<Span>>> spans =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<List<Span>>> eldest) {
                    return size() > CACHED_FILES;
                }
            });

    private Optional<List<Span>> callables(SourceFile file) {
        String key = key(file);
        Optional<List<Span>> known = spans.get(key);
        if (known == null) {
            known = parse(file).map(JavaSourceAnalyzer::listCallables);
            spans.put(key, known);
        }
        return known;
    }

    private static List<Span> listCallables(CompilationUnit unit) {
        List<Span> found = new ArrayList<>();
        for (Node node : unit.findAll(Node.class, JavaSourceAnalyzer::isCallable)) {
            node.getRange().ifPresent(range -> found.add(new Span(kindOf(node), nameOf(node), range.begin.line, range.end.line)));
        }
        return List.copyOf(found);
    }

    private static Kind kindOf(Node node) {
        if (node instanceof LambdaExpr) {
            return Kind.LAMBDA;
        }
        if (node instanceof com.github.javaparser.ast.body.ConstructorDeclaration || node instanceof CompactConstructorDeclaration) {
            return Kind.CONSTRUCTOR;
        }
        if (node instanceof InitializerDeclaration initializer) {
            return initializer.isStatic() ? Kind.STATIC_INITIALIZER : Kind.OTHER;
        }
        return node instanceof com.github.javaparser.ast.body.MethodDeclaration ? Kind.METHOD : Kind.OTHER;
    }

    private static String nameOf(Node node) {
        return node instanceof com.github.javaparser.ast.body.MethodDeclaration method ? method.getNameAsString() : "";
    }

    private static Optional<LineRange> innermost(List<Span> callables, int line, String methodName) {
        Span matching = null;
        Span any = null;
        for (Span span : callables) {
            if (!span.contains(line)) {
                continue;
            }
            any = shorter(any, span);
            if (matches(span, methodName)) {
                matching = shorter(matching, span);
            }
        }
        Span best = matching != null ? matching : any;
        return Optional.ofNullable(best).map(span -> new LineRange(span.first(), span.last()));
    }

    private static boolean matches(Span span, String methodName) {
        if (methodName.startsWith("lambda$")) {
            return span.kind() == Kind.LAMBDA;
        }
        if ("<init>".equals(methodName)) {
            return span.kind() == Kind.CONSTRUCTOR;
        }
        if ("<clinit>".equals(methodName)) {
            return span.kind() == Kind.STATIC_INITIALIZER;
        }
        return span.kind() == Kind.METHOD && span.name().equals(methodName);
    }

    private static Span shorter(Span current, Span candidate) {
        return current != null && current.length() <= candidate.length() ? current : candidate;
    }

    private static boolean isCallable(Node node) {
        return node instanceof CallableDeclaration<?> || node instanceof LambdaExpr
                || node instanceof InitializerDeclaration || node instanceof CompactConstructorDeclaration;
    }

    /** Path and content: an edited application file is parsed afresh. */
    private static String key(SourceFile file) {
        return file.displayPath() + '\0' + file.text().hashCode() + '\0' + file.text().length();
    }

    private static Optional<CompilationUnit> parseNow(String text) {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setStoreTokens(true);
        try {
            ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(text);
            return result.isSuccessful() ? result.getResult() : Optional.empty();
        } catch (RuntimeException | StackOverflowError parserFailure) {
            // A file JavaParser cannot handle must not turn the debugger page into a second error.
            return Optional.empty();
        }
    }
}
