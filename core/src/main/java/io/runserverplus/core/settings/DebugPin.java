package io.runserverplus.core.settings;

import java.util.Optional;

/**
 * The {@code debug-pin} setting: generated (the default), fixed digits, or off.
 *
 * @param digits the PIN's digits when the user fixed it, without dashes or spaces
 * @param off    whether the console needs no PIN at all
 */
public record DebugPin(Optional<String> digits, boolean off) {

    private static final DebugPin GENERATED = new DebugPin(Optional.empty(), false);
    private static final DebugPin OFF = new DebugPin(Optional.empty(), true);

    public static DebugPin generated() {
        return GENERATED;
    }

    public static DebugPin disabled() {
        return OFF;
    }

    /** {@code off}, or digits with optional dashes and spaces, as Werkzeug's WERKZEUG_DEBUG_PIN. */
    public static DebugPin parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("off")) {
            return OFF;
        }
        String digits = value.replace("-", "").replace(" ", "");
        if (digits.isEmpty() || digits.length() > 32 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SettingsException("\"" + text + "\" is not a debugger PIN; use digits (dashes and spaces"
                    + " allowed), such as 123-456-789, or off to run the console without a PIN.");
        }
        return new DebugPin(Optional.of(digits), false);
    }
}
