package io.runserverplus.contract;

import io.runserverplus.core.source.DefaultSourceLocator;
import io.runserverplus.core.source.SourceFile;
import io.runserverplus.core.source.SourceLocator;
import io.runserverplus.core.source.SourceRoots;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Optional;

/**
 * A user-supplied SourceLocator (bound through {@code builder().modules(...)}) that finds no source
 * for {@link ContractFailures.Vendor}, as for a class whose sources are nowhere on the machine.
 */
public final class HidingSourceLocator implements SourceLocator {

    private final SourceLocator delegate;

    @Inject
    public HidingSourceLocator(SourceRoots sourceRoots) {
        this.delegate = new DefaultSourceLocator(sourceRoots);
    }

    @Override
    public Optional<SourceFile> locate(String className, String fileName, String moduleName, Optional<URL> classFile) {
        if (className.equals(ContractFailures.Vendor.class.getName())) {
            return Optional.empty();
        }
        return delegate.locate(className, fileName, moduleName, classFile);
    }
}
