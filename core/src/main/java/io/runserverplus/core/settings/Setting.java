package io.runserverplus.core.settings;

import java.util.Optional;
import java.util.function.Function;

/**
 * One setting and all its spellings: the command-line option {@code --name}, the system property
 * {@code runserverplus.name}, and (for runserver_plus's settings) an environment variable.
 *
 * @param name        the option's name without dashes, e.g. {@code reloader-interval}
 * @param environment the environment variable, when runserver_plus has one
 * @param parser      turns text into a value; throws {@link SettingsException} (or
 *                    {@link IllegalArgumentException}) with one sentence naming the text and the fix
 * @param defaultValue the value when no source names the setting
 * @param fromBuilder  the value the builder was given, read from its typed field
 */
public record Setting<T>(String name, Optional<String> environment, Function<String, T> parser, T defaultValue,
                         Function<BuilderSettings, Optional<T>> fromBuilder) {

    public static <T> Setting<T> of(String name, String environment, Function<String, T> parser, T defaultValue,
                                    Function<BuilderSettings, Optional<T>> fromBuilder) {
        return new Setting<>(name, Optional.ofNullable(environment), parser, defaultValue, fromBuilder);
    }

    public String systemProperty() {
        return "runserverplus." + name;
    }

    public String option() {
        return "--" + name;
    }
}
