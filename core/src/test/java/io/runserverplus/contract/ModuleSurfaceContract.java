package io.runserverplus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.WebApp;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an adapter's module shows: its {@code *App} alone, and a code base that needs only the port
 * in {@code spi} and its framework, never core or Guice. Read from the adapter's own descriptor and
 * classes, as the module path sees them.
 */
public abstract class ModuleSurfaceContract {

    /** The adapter's app type, e.g. {@code JavalinApp.class}. */
    protected abstract Class<? extends WebApp> appType();

    private ModuleReference adapterModule() throws URISyntaxException {
        Path location = Path.of(appType().getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(location).findAll().iterator().next();
    }

    @Test
    void theModuleExportsOnlyItsAppsPackageToEveryone() throws Exception {
        ModuleDescriptor descriptor = adapterModule().descriptor();

        assertThat(descriptor.exports()).singleElement().satisfies(export -> {
            assertThat(export.source()).isEqualTo(appType().getPackageName());
            assertThat(export.isQualified()).isFalse();
        });
    }

    @Test
    void theAppIsTheOnlyPublicTypeOfTheExportedPackage() throws Exception {
        List<String> publicTypes;
        String folder = appType().getPackageName().replace('.', '/') + "/";
        try (var reader = adapterModule().open(); Stream<String> entries = reader.list()) {
            publicTypes = entries
                    .filter(entry -> entry.startsWith(folder) && entry.endsWith(".class")
                            && entry.indexOf('/', folder.length()) < 0 && !entry.contains("$"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                    .filter(this::isPublic)
                    .toList();
        }

        assertThat(publicTypes).containsExactly(appType().getName());
    }

    @Test
    void theAdaptersCodeNeedsNeitherCoreNorGuice() throws Exception {
        assertThat(adapterModule().descriptor().requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("io.runserverplus.spi")
                .doesNotContain("io.runserverplus.core", "com.google.guice", "jakarta.inject");
    }

    private boolean isPublic(String className) {
        try {
            return Modifier.isPublic(Class.forName(className, false, appType().getClassLoader()).getModifiers());
        } catch (ClassNotFoundException | LinkageError unreadable) {
            throw new AssertionError("cannot load " + className + ": " + unreadable, unreadable);
        }
    }
}
