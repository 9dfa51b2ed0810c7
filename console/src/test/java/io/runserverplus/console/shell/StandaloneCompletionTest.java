package io.runserverplus.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.runserverplus.spi.CapturedVariable;
import io.runserverplus.spi.ConsoleScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tab and Stop in the standalone console (JShell). */
class StandaloneCompletionTest {

    @Test
    void completesTheMembersOfAppAndBoundNames() {
        try (ConsoleSessions sessions = new ConsoleSessions(ConsoleConfig.defaults())) {
            ConsoleScope scope = new ConsoleScope(null, null, null,
                    List.of(new CapturedVariable("app", null, new StringBuilder("server"))));

            var members = sessions.complete("standalone", scope, "app.appe", 8);

            assertThat(members.anchor()).isEqualTo(4);
            assertThat(members.candidates()).contains("append(");
            assertThat(sessions.eval("standalone", scope, "app.length()").value()).isEqualTo("6");
            assertThat(sessions.stop("standalone")).as("nothing runs").isFalse();
        }
    }
}
