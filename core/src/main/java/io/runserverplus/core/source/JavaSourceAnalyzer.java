package io.runserverplus.core.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        String key = file.displayPath() + '\0' + file.text().hashCode() + '\0' + file.text().length();
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
        return parse(file).flatMap(unit -> innermost(unit, line, methodName))
                .map(range -> new LineRange(range.begin.line, range.end.line));
    }

    private static Optional<Range> innermost(CompilationUnit unit, int line, String methodName) {
        Optional<Range> matching = Optional.empty();
        Optional<Range> any = Optional.empty();
        for (Node node : unit.findAll(Node.class, JavaSourceAnalyzer::isCallable)) {
            Optional<Range> range = node.getRange().filter(r -> r.begin.line <= line && line <= r.end.line);
            if (range.isEmpty()) {
                continue;
            }
            any = shorter(any, range.get());
            if (matches(node, methodName)) {
                matching = shorter(matching, range.get());
            }
        }
        return matching.isPresent() ? matching : any;
    }

    private static boolean matches(Node node, String methodName) {
        if (methodName.startsWith("lambda$")) {
            return node instanceof LambdaExpr;
        }
        if ("<init>".equals(methodName)) {
            return node instanceof com.github.javaparser.ast.body.ConstructorDeclaration
                    || node instanceof CompactConstructorDeclaration;
        }
        if ("<clinit>".equals(methodName)) {
            return node instanceof InitializerDeclaration initializer && initializer.isStatic();
        }
        return node instanceof com.github.javaparser.ast.body.MethodDeclaration method
                && method.getNameAsString().equals(methodName);
    }

    private static Optional<Range> shorter(Optional<Range> current, Range candidate) {
        return current.isPresent() && length(current.get()) <= length(candidate) ? current : Optional.of(candidate);
    }

    private static boolean isCallable(Node node) {
        return node instanceof CallableDeclaration<?> || node instanceof LambdaExpr
                || node instanceof InitializerDeclaration || node instanceof CompactConstructorDeclaration;
    }

    private static int length(Range range) {
        return range.end.line - range.begin.line;
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
