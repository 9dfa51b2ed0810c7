package io.runserverplus.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.cli.CommandLineUtils;

/** Splits {@code -Drunserverplus.args} and {@code -Drunserverplus.jvmArgs} as a shell would: quotes keep spaces. */
final class RunArguments {

    private RunArguments() {
    }

    static List<String> split(String property, String value) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return List.of(CommandLineUtils.translateCommandline(value));
        } catch (Exception unbalanced) {
            throw new MojoFailureException(property + " \"" + value + "\" has a quote that is not closed; close it"
                    + " or drop it (quotes keep spaces inside one argument, as in 'my dev cert').");
        }
    }
}
