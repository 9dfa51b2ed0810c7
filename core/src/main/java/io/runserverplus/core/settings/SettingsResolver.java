package io.runserverplus.core.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Picks each setting's value by precedence: command line, then builder, then system properties
 * ({@code runserverplus.*}), then environment, then the default. Text from any source goes through
 * the setting's one parser, so every spelling is validated the same way; a bad value from a
 * property or the environment is reported with the property's or variable's name.
 */
public final class SettingsResolver {

    private final Map<String, String> commandLine;
    private final BuilderSettings builder;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;

    /**
     * @param commandLine option name (without dashes) to the text given on the command line
     * @param builder     the typed values given to the builder
     */
    public SettingsResolver(Map<String, String> commandLine, BuilderSettings builder,
                            Map<String, String> systemProperties, Map<String, String> environment) {
        this.commandLine = Map.copyOf(commandLine);
        this.builder = builder.copy();
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
    }

    /** A resolver over this process's system properties and environment. */
    public static SettingsResolver forThisProcess(Map<String, String> commandLine, BuilderSettings builder) {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return new SettingsResolver(commandLine, builder, properties, System.getenv());
    }

    public <T> T resolve(Setting<T> setting) {
        String given = commandLine.get(setting.name());
        if (given != null) {
            return parse(setting, given, "");
        }
        Optional<T> fromBuilder = setting.fromBuilder().apply(builder);
        if (fromBuilder.isPresent()) {
            return fromBuilder.get();
        }
        String property = systemProperties.get(setting.systemProperty());
        if (property != null) {
            return parse(setting, property, "In system property " + setting.systemProperty() + ": ");
        }
        Optional<String> fromEnvironment = setting.environment().map(environment::get);
        if (fromEnvironment.isPresent()) {
            return parse(setting, fromEnvironment.get(), "In environment variable " + setting.environment().get() + ": ");
        }
        return setting.defaultValue();
    }

    /** Parser messages name the value and the fix; the origin is added for the quieter sources. */
    private static <T> T parse(Setting<T> setting, String text, String origin) {
        try {
            return setting.parser().apply(text);
        } catch (IllegalArgumentException | SettingsException bad) {
            throw new SettingsException(origin + bad.getMessage());
        }
    }
}
