package io.runserverplus.core.render;

import java.util.Optional;

/**
 * What a debugger page embeds for its commands and its Content-Security-Policy.
 *
 * @param secret          the per-start secret the page's commands present
 * @param nonce           this response's script nonce (the policy names it; the script tag carries it)
 * @param consoleDisabled when present, why the console is off (an untrusted Host), shown on the page
 * @param pinRequired     whether opening a console asks for the PIN
 */
public record PageSecurity(String secret, String nonce, Optional<String> consoleDisabled, boolean pinRequired) {

    public boolean consoleEnabled() {
        return consoleDisabled.isEmpty();
    }
}
