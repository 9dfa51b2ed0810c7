package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExcludeMatcherTest {

    private final Path root = Path.of("/app/target/classes");

    private boolean excluded(String glob, String relative, boolean directory) {
        return ExcludeMatcher.of(List.of(glob)).excludes(root, root.resolve(relative), directory);
    }

    @Test
    void aStarPatternMatchesFileNamesAtAnyDepth() {
        assertThat(excluded("*.tmp", "a.tmp", false)).isTrue();
        assertThat(excluded("*.tmp", "com/acme/a.tmp", false)).isTrue();
        assertThat(excluded("*.tmp", "com/acme/a.class", false)).isFalse();
    }

    @Test
    void aDoubleStarDirectoryPatternExcludesTheTreeAndTheDirectoryItself() {
        assertThat(excluded("**/generated/**", "com/generated/A.class", false)).isTrue();
        assertThat(excluded("**/generated/**", "generated/A.class", false)).isTrue();
        assertThat(excluded("**/generated/**", "com/generated", true)).isTrue();
        assertThat(excluded("**/generated/**", "com/generatedX/A.class", false)).isFalse();
    }

    @Test
    void aRelativePatternIsAnchoredAtTheRoot() {
        assertThat(excluded("static/*.css", "static/site.css", false)).isTrue();
        assertThat(excluded("static/*.css", "static/css/site.css", false)).isFalse();
        assertThat(excluded("static/*.css", "other/static/site.css", false)).isFalse();
    }

    @Test
    void questionMarksBracketsAndBracesWork() {
        assertThat(excluded("?.log", "a.log", false)).isTrue();
        assertThat(excluded("?.log", "ab.log", false)).isFalse();
        assertThat(excluded("[ab].txt", "b.txt", false)).isTrue();
        assertThat(excluded("[!ab].txt", "b.txt", false)).isFalse();
        assertThat(excluded("*.{swp,swx}", "A.java.swx", false)).isTrue();
        assertThat(excluded("a+b(1).txt", "a+b(1).txt", false)).isTrue();
    }

    @Test
    void theRootItselfIsNeverExcludedAndNoPatternsExcludeNothing() {
        assertThat(ExcludeMatcher.of(List.of("**")).excludes(root, root, true)).isFalse();
        assertThat(ExcludeMatcher.of(List.of()).excludes(root, root.resolve("a.tmp"), false)).isFalse();
    }

    @Test
    void anUnclosedBracketIsOneClearSentence() {
        assertThatThrownBy(() -> ExcludeMatcher.of(List.of("*.[ch")))
                .isInstanceOf(ReloaderException.class)
                .hasMessage("The exclude pattern '*.[ch' has an unclosed '[' or '{'; close it or escape it.");
    }
}
