package io.runserverplus.core.render;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.CompilationUnit;
import io.runserverplus.core.source.JavaSourceAnalyzer;
import io.runserverplus.core.source.SourceFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.owasp.encoder.Encode;

/**
 * Turns a Java file into HTML lines with its tokens wrapped in {@code <span class="tok-...">},
 * using JavaParser's own tokens so highlighting agrees with how the compiler reads the file.
 * Every character of the source goes through the HTML encoder. Files that do not parse come back
 * as plain escaped lines.
 */
@Singleton
public class JavaHighlighter {

    private static final int CACHED_FILES = 64;

    private final JavaSourceAnalyzer analyzer;
    private final Map<String, List<String>> highlighted =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > CACHED_FILES;
                }
            });

    @Inject
    public JavaHighlighter(JavaSourceAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** One HTML fragment per source line, in order; as many as the file has lines. */
    public List<String> highlight(SourceFile file) {
        // Keyed by path and content so an edited application file is highlighted afresh.
        String key = file.displayPath() + '\0' + file.text().hashCode() + '\0' + file.text().length();
        List<String> lines = highlighted.get(key);
        if (lines == null) {
            lines = analyzer.parse(file).flatMap(unit -> fromTokens(unit, file.lines().size()))
                    .orElseGet(() -> file.lines().stream().map(Encode::forHtml).toList());
            highlighted.put(key, lines);
        }
        return lines;
    }

    private static Optional<List<String>> fromTokens(CompilationUnit unit, int lineCount) {
        if (unit.getTokenRange().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(lineCount);
        StringBuilder current = new StringBuilder();
        for (JavaToken token : unit.getTokenRange().get()) {
            if (token.getCategory() == JavaToken.Category.EOL) {
                lines.add(current.toString());
                current.setLength(0);
                continue;
            }
            String css = cssClass(token);
            // Block comments and text blocks span lines: close the span at each line end and
            // reopen it on the next line so every line stays well-formed on its own.
            String[] parts = token.getText().split("\\R", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                append(current, css, parts[i]);
            }
        }
        lines.add(current.toString());
        // The token stream ends with the last line; pad or trim to the file's own line count.
        while (lines.size() < lineCount) {
            lines.add("");
        }
        return Optional.of(List.copyOf(lines.subList(0, lineCount)));
    }

    private static void append(StringBuilder out, String css, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (css == null) {
            out.append(Encode.forHtml(text));
        } else {
            out.append("<span class=\"").append(css).append("\">").append(Encode.forHtml(text)).append("</span>");
        }
    }

    private static String cssClass(JavaToken token) {
        return switch (token.getCategory()) {
            case KEYWORD -> "tok-keyword";
            case LITERAL -> "tok-literal";
            case COMMENT -> "tok-comment";
            case OPERATOR -> "tok-operator";
            case IDENTIFIER -> Character.isUpperCase(token.getText().charAt(0)) ? "tok-type" : null;
            default -> null;
        };
    }
}
