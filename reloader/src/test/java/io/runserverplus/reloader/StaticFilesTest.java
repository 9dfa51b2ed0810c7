package io.runserverplus.reloader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticFilesTest {

    private final Path classes = Path.of("/work/app/target/classes");
    private final Path extra = Path.of("/work/app/config.toml");
    private final List<Path> roots = List.of(classes, extra);
    private final StaticFiles staticFiles = StaticFiles.of(List.of("public", "/META-INF/resources/"));

    @Test
    void filesUnderAStaticLocationOfAWatchedDirectoryNeedNoRestart() {
        assertThat(staticFiles.allStatic(List.of(classes.resolve("public/index.html"),
                classes.resolve("META-INF/resources/css/site.css")), roots)).isTrue();
    }

    @Test
    void oneClassFileAmongThemRestarts() {
        assertThat(staticFiles.allStatic(List.of(classes.resolve("public/index.html"),
                classes.resolve("com/acme/App.class")), roots)).isFalse();
    }

    @Test
    void aNameThatOnlyBeginsLikeALocationIsNotInIt() {
        assertThat(staticFiles.allStatic(List.of(classes.resolve("publicity/App.class")), roots)).isFalse();
        assertThat(staticFiles.allStatic(List.of(classes.resolve("com/public/App.class")), roots)).isFalse();
    }

    @Test
    void anExtraFileOrAPathOutsideTheRootsRestarts() {
        assertThat(staticFiles.allStatic(List.of(extra), roots)).isFalse();
        assertThat(staticFiles.allStatic(List.of(Path.of("/elsewhere/public/a.html")), roots)).isFalse();
    }

    @Test
    void withNoLocationsEveryChangeRestarts() {
        assertThat(StaticFiles.NONE.allStatic(List.of(classes.resolve("public/index.html")), roots)).isFalse();
    }
}
