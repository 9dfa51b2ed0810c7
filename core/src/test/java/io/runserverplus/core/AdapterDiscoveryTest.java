package io.runserverplus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runserverplus.core.settings.SettingsException;
import io.runserverplus.spi.AdapterProvider;
import io.runserverplus.spi.WebApp;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterDiscoveryTest {

    @Test
    void withoutAnAppTheMessageNamesEveryInstalledAdapterAndHowToMakeItsApp() {
        AdapterDiscovery discovery = new AdapterDiscovery(List.of(provider("javalin", true), provider("jetty", true)));

        assertThat(discovery.noApp()).hasMessage("No app to serve; call .app(...) with an app of an installed adapter:"
                + " JavalinApp.of(...) (javalin), JettyApp.of(...) (jetty).");
    }

    @Test
    void withoutAnyAdapterTheMessageSaysWhichArtifactToAdd() {
        assertThat(new AdapterDiscovery(List.of()).noApp()).hasMessageStartingWith(
                "No app to serve and no RunServerPlus adapter on the class path; add one of io.runserverplus:runserverplus-adapter-javalin");
    }

    @Test
    void anAdapterWhoseFrameworkIsMissingSaysWhichDependencyToAdd() {
        AdapterDiscovery discovery = new AdapterDiscovery(List.of(provider("javalin", false)));

        assertThatThrownBy(() -> discovery.checkAdapterOf(app("javalin")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("The javalin adapter is installed but its framework is not on the class path;"
                        + " add the dependency org.example:javalin.");
    }

    @Test
    void twoAdaptersClaimingOneNameAreBothNamed() {
        AdapterDiscovery discovery = new AdapterDiscovery(List.of(provider("javalin", true), provider("javalin", true)));

        assertThatThrownBy(() -> discovery.checkAdapterOf(app("javalin")))
                .hasMessageStartingWith("Several RunServerPlus adapters claim the name 'javalin': ")
                .hasMessageEndingWith("; keep one of them on the class path.");
    }

    @Test
    void theClassPathsAdaptersAreFoundThroughServiceLoader() {
        // core's own tests have no adapter on the class path: discovery finds none and says so.
        assertThat(AdapterDiscovery.fromClassPath(getClass().getClassLoader()).installed()).isEmpty();
    }

    @Test
    void theBuilderWithoutAnAppExplainsInsteadOfFailingLater() {
        assertThatThrownBy(() -> RunServerPlus.builder().start())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("No app to serve");
    }

    private static AdapterProvider provider(String name, boolean available) {
        String type = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return new AdapterProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String artifact() {
                return "io.runserverplus:runserverplus-adapter-" + name;
            }

            @Override
            public String usage() {
                return type + "App.of(...)";
            }

            @Override
            public String frameworkArtifact() {
                return "org.example:" + name;
            }

            @Override
            public boolean isAvailable() {
                return available;
            }
        };
    }

    private static WebApp app(String adapter) {
        return new WebApp() {
            @Override
            public String adapterName() {
                return adapter;
            }

            @Override
            public io.runserverplus.spi.ServerStarter serverStarter() {
                return setup -> {
                    throw new UnsupportedOperationException("never started");
                };
            }

            @Override
            public java.util.Optional<String> unsupportedFramework() {
                return java.util.Optional.empty();
            }
        };
    }
}
