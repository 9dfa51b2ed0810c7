package io.runserverplus.core.settings;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The defaults {@code --help} shows: what this program would use if the option were not given, so
 * a value set in the builder, a system property or the environment is shown instead of the built-in
 * one (a builder's {@code addrPort("7070")} makes "Default 127.0.0.1:7070").
 */
final class HelpDefaults {

    private HelpDefaults() {
    }

    /** Setting name to the text of its effective default; a source that holds a bad value is skipped. */
    static Map<String, String> from(SettingsResolver withoutCommandLine) {
        Map<String, String> shown = new HashMap<>();
        put(shown, Settings.ADDRPORT, withoutCommandLine, resolver -> addressText(resolver));
        put(shown, Settings.RELOADER_TYPE, withoutCommandLine, resolver -> resolver.resolve(Settings.RELOADER_TYPE));
        put(shown, Settings.RELOADER_INTERVAL, withoutCommandLine,
                resolver -> seconds(resolver.resolve(Settings.RELOADER_INTERVAL)));
        put(shown, Settings.CONSOLE_PATH, withoutCommandLine,
                resolver -> resolver.resolve(Settings.CONSOLE_PATH).orElse("off"));
        put(shown, Settings.CONSOLE_TIME_LIMIT, withoutCommandLine,
                resolver -> seconds(resolver.resolve(Settings.CONSOLE_TIME_LIMIT)));
        put(shown, Settings.STARTUP_MESSAGES, withoutCommandLine,
                resolver -> resolver.resolve(Settings.STARTUP_MESSAGES).name().toLowerCase(Locale.ROOT));
        put(shown, Settings.STATIC_LOCATIONS, withoutCommandLine, resolver -> {
            java.util.List<String> locations = resolver.resolve(Settings.STATIC_LOCATIONS);
            return locations.isEmpty() ? "off" : String.join(", ", locations);
        });
        return shown;
    }

    private static void put(Map<String, String> shown, Setting<?> setting, SettingsResolver resolver,
                            Function<SettingsResolver, String> text) {
        String value;
        try {
            value = text.apply(resolver);
        } catch (SettingsException bad) {
            // Help must still print; the bad value is reported when the program is run without --help.
            value = text.apply(new SettingsResolver(Map.of(), BuilderSettings.none(), Map.of(), Map.of()));
        }
        shown.put(setting.name(), value);
    }

    private static String addressText(SettingsResolver resolver) {
        String defaultHost = resolver.resolve(Settings.IPV6) ? "::1" : AddressPort.DEFAULT_HOST;
        String addrPort = resolver.resolve(Settings.ADDRPORT);
        AddressPort address = addrPort == null ? new AddressPort(defaultHost, AddressPort.DEFAULT_PORT)
                : AddressPort.parse(addrPort, defaultHost);
        return address.urlHost() + ":" + address.port();
    }

    /** 1 s as "1", 500 ms as "0.5": the way the options are written. */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
