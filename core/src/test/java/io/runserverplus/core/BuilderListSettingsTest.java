package io.runserverplus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import io.runserverplus.core.settings.Settings;
import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.core.settings.SettingsResolver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one rule for the builder's list settings, as the README states it: {@code x(a, b)} sets the
 * whole list, so a later call replaces an earlier one; {@code addX(c)} adds one value to it.
 */
class BuilderListSettingsTest {

    private static final Module FIRST = binder -> { };
    private static final Module SECOND = binder -> { };

    @Test
    void aListSettingCalledAgainReplacesTheEarlierList() {
        StartSequence start = RunServerPlus.builder()
                .extraFiles(Path.of("a.toml")).extraFiles(Path.of("b.toml"))
                .excludePatterns("*.tmp").excludePatterns("*.swp")
                .staticLocations("public").staticLocations("site")
                .trustedHosts("a.test").trustedHosts("b.test")
                .applicationPackages("com.example.a").applicationPackages("com.example.b")
                .sourceRoots(Path.of("a/src")).sourceRoots(Path.of("b/src"))
                .modules(FIRST).modules(SECOND)
                .startSequence();

        Settings settings = resolved(start);
        assertThat(settings.extraFiles()).containsExactly(Path.of("b.toml"));
        assertThat(settings.excludePatterns()).containsExactly("*.swp");
        assertThat(settings.staticLocations()).containsExactly("site");
        assertThat(settings.trustedHosts()).containsExactly("b.test");
        assertThat(start.applicationPackages()).containsExactly("com.example.b");
        assertThat(start.sourceRoots()).containsExactly(Path.of("b/src"));
        assertThat(start.modules()).containsExactly(SECOND);
    }

    @Test
    void addAppendsOneValueToTheList() {
        StartSequence start = RunServerPlus.builder()
                .extraFiles(Path.of("a.toml")).addExtraFile(Path.of("b.toml"))
                .addExcludePattern("*.tmp").addExcludePattern("*.swp")
                .staticLocations("public").addStaticLocation("site")
                .trustedHosts("a.test").addTrustedHost(".b.test")
                .applicationPackages("com.example.a").addApplicationPackage("com.example.b")
                .addSourceRoot(Path.of("a/src")).addSourceRoot(Path.of("b/src"))
                .modules(FIRST).addModule(SECOND)
                .startSequence();

        Settings settings = resolved(start);
        assertThat(settings.extraFiles()).containsExactly(Path.of("a.toml"), Path.of("b.toml"));
        assertThat(settings.excludePatterns()).containsExactly("*.tmp", "*.swp");
        assertThat(settings.staticLocations()).containsExactly("public", "site");
        assertThat(settings.trustedHosts()).containsExactly("a.test", ".b.test");
        assertThat(start.applicationPackages()).containsExactly("com.example.a", "com.example.b");
        assertThat(start.sourceRoots()).containsExactly(Path.of("a/src"), Path.of("b/src"));
        assertThat(start.modules()).containsExactly(FIRST, SECOND);
    }

    @Test
    void aStartKeepsTheValuesItWasGivenWhenTheBuilderChangesLater() {
        RunServerPlus.Builder builder = RunServerPlus.builder().addExtraFile(Path.of("a.toml"));
        StartSequence start = builder.startSequence();

        builder.addExtraFile(Path.of("b.toml"));

        assertThat(resolved(start).extraFiles()).containsExactly(Path.of("a.toml"));
    }

    @Test
    void anAddedTrustedHostIsCheckedAsTheOthersAre() {
        assertThatThrownBy(() -> RunServerPlus.builder().addTrustedHost("a.test:8000"))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("\"a.test:8000\" is not a host name or IP address");
    }

    /** The builder's values alone, without this machine's properties or environment. */
    private static Settings resolved(StartSequence start) {
        return Settings.resolve(new SettingsResolver(Map.of(), start.given(), Map.of(), Map.of()));
    }
}
