package io.runserverplus.core.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** runserver_plus's {@code --startup-messages}: when the banner is printed. */
public enum StartupMessages {
    /** At every start of the app, including each restart by the reloader (the default). */
    RELOAD,
    /** At the first start only; restarts print just the reloader's own lines. */
    ONCE,
    /** At every start (the supervisor itself prints no banner, so this is RELOAD here). */
    ALWAYS,
    /** Never (the PIN is still printed). */
    NEVER;

    /** Whether the banner is printed at the start with this index (0 for the first). */
    public boolean showAtStart(int startIndex) {
        return switch (this) {
            case RELOAD, ALWAYS -> true;
            case ONCE -> startIndex == 0;
            case NEVER -> false;
        };
    }

    static StartupMessages parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new SettingsException("\"" + text + "\" is not a startup-messages mode; use one of "
                    + Arrays.stream(values()).map(mode -> mode.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")) + ".");
        }
    }
}
