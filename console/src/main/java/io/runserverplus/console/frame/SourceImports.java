package io.runserverplus.console.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The import declarations of a source file, read from its text before its first type declaration. */
final class SourceImports {

    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+(?:static\\s+|module\\s+)?[\\p{L}_$][\\p{L}\\p{N}_$.]*(?:\\s*\\.\\s*\\*)?\\s*;");

    private SourceImports() {
    }

    static List<String> of(String source) {
        if (source == null) {
            return List.of();
        }
        String code = io.runserverplus.console.shell.SourceScan.code(source);
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(code);
        while (m.find()) {
            imports.add(m.group().strip().replaceAll("\\s+", " "));
        }
        return imports;
    }
}
