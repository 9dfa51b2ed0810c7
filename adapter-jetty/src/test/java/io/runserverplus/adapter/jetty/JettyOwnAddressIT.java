package io.runserverplus.adapter.jetty;

import io.runserverplus.contract.OwnAddressContract;
import io.runserverplus.spi.WebApp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

class JettyOwnAddressIT extends OwnAddressContract {
    @Override
    protected WebApp appWithItsOwnPort(int port) {
        Server server = new Server(port);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        return JettyApp.of(server);
    }
}
