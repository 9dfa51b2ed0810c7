package io.runserverplus.jetty.support;

import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Loads Jetty's classes on the warm-up thread while core wires itself with Guice, so the two
 * overlap on a two-core machine: the classes a server needs to start, by building (never starting)
 * one, and the ones its first request needs, by name. Used by the Jetty and the Javalin adapter.
 */
public final class JettyWarmUp {

    /** Loaded by a Jetty 12.1 server between start and its first answer (read off -Xlog:class+load). */
    private static final List<String> FIRST_REQUEST = List.of(
            "org.eclipse.jetty.io.ManagedSelector$Accept",
            "org.eclipse.jetty.io.ManagedSelector$Selectable",
            "org.eclipse.jetty.io.IdleTimeout",
            "org.eclipse.jetty.io.AbstractEndPoint",
            "org.eclipse.jetty.io.SelectableChannelEndPoint",
            "org.eclipse.jetty.io.SocketChannelEndPoint",
            "org.eclipse.jetty.io.content.ContentSinkOutputStream",
            "org.eclipse.jetty.io.FillInterest",
            "org.eclipse.jetty.io.WriteFlusher",
            "org.eclipse.jetty.io.QuietException",
            "org.eclipse.jetty.io.EofException",
            "org.eclipse.jetty.io.AbstractEndPoint$State",
            "org.eclipse.jetty.io.WriteFlusher$State",
            "org.eclipse.jetty.io.WriteFlusher$IdleState",
            "org.eclipse.jetty.io.WriteFlusher$FlushingState",
            "org.eclipse.jetty.io.WriteFlusher$CompletingState",
            "org.eclipse.jetty.io.WriteFlusher$StateType",
            "org.eclipse.jetty.io.WriteFlusher$PendingState",
            "org.eclipse.jetty.io.WriteFlusher$FailedState",
            "org.eclipse.jetty.io.SelectableChannelEndPoint$RunnableCloseable",
            "org.eclipse.jetty.util.thread.ScheduledExecutorScheduler$ScheduledFutureTask",
            "org.eclipse.jetty.server.TunnelSupport",
            "org.eclipse.jetty.server.HttpChannel",
            "org.eclipse.jetty.http.HttpParser$HttpHandler",
            "org.eclipse.jetty.http.HttpParser$RequestHandler",
            "org.eclipse.jetty.io.AbstractConnection$FillableCallback",
            "org.eclipse.jetty.server.internal.HttpConnection$FillableCallback",
            "org.eclipse.jetty.server.internal.HttpConnection$TunnelSupportOverHTTP1",
            "org.eclipse.jetty.util.Attributes$Lazy",
            "org.eclipse.jetty.server.internal.HttpConnection$DemandContentCallback",
            "org.eclipse.jetty.util.IteratingCallback",
            "org.eclipse.jetty.server.internal.HttpConnection$SendCallback",
            "org.eclipse.jetty.util.IteratingCallback$ClosedException",
            "org.eclipse.jetty.server.internal.HttpConnection$SendCallback$CancelSendException",
            "org.eclipse.jetty.http.HttpException",
            "org.eclipse.jetty.http.HttpException$RuntimeException",
            "org.eclipse.jetty.util.IteratingCallback$State",
            "org.eclipse.jetty.http.HttpGenerator",
            "org.eclipse.jetty.http.MetaData",
            "org.eclipse.jetty.http.MetaData$Request",
            "org.eclipse.jetty.http.MetaData$Response",
            "org.eclipse.jetty.http.HttpFields",
            "org.eclipse.jetty.http.HttpFields$Mutable",
            "org.eclipse.jetty.http.HttpFieldsMap",
            "org.eclipse.jetty.http.HttpFieldsMap$Mutable",
            "org.eclipse.jetty.http.HttpFieldsMap$Immutable",
            "org.eclipse.jetty.http.DateGenerator",
            "org.eclipse.jetty.http.HttpHeaderValue",
            "org.eclipse.jetty.http.EmptyHttpFields",
            "org.eclipse.jetty.http.MutableHttpFields",
            "org.eclipse.jetty.http.HttpField$MultiHttpField",
            "org.eclipse.jetty.http.HttpField$LongValueHttpField",
            "org.eclipse.jetty.http.ImmutableHttpFields",
            "org.eclipse.jetty.http.HttpFields$Mutable$Wrapper",
            "org.eclipse.jetty.http.HttpGenerator$PreparedResponse",
            "org.eclipse.jetty.http.HttpStatus",
            "org.eclipse.jetty.http.HttpStatus$Code",
            "org.eclipse.jetty.http.HttpGenerator$State",
            "org.eclipse.jetty.http.HttpTokens$EndOfContent",
            "org.eclipse.jetty.server.Components",
            "org.eclipse.jetty.server.internal.HttpChannelState",
            "org.eclipse.jetty.util.thread.SerializedInvoker",
            "org.eclipse.jetty.server.internal.HttpChannelState$HttpChannelSerializedInvoker",
            "org.eclipse.jetty.http.HttpURI",
            "org.eclipse.jetty.server.Response",
            "org.eclipse.jetty.io.Content$Source",
            "org.eclipse.jetty.server.Request",
            "org.eclipse.jetty.server.internal.HttpChannelState$HandlerInvoker",
            "org.eclipse.jetty.server.internal.HttpChannelState$LastWriteCallback",
            "org.eclipse.jetty.server.internal.ResponseHttpFields",
            "org.eclipse.jetty.server.internal.ResponseHttpFields$PersistentHttpField",
            "org.eclipse.jetty.server.internal.HttpChannelState$StreamSendState",
            "org.eclipse.jetty.server.internal.HttpConnection$RequestHandler",
            "org.eclipse.jetty.server.HttpStream",
            "org.eclipse.jetty.server.internal.HttpConnection$HttpEofException",
            "org.eclipse.jetty.io.Content$Chunk",
            "org.eclipse.jetty.http.HttpParser",
            "org.eclipse.jetty.http.HttpParser$State",
            "org.eclipse.jetty.http.HttpParser$IllegalCharacterException",
            "org.eclipse.jetty.http.HostPortHttpField",
            "org.eclipse.jetty.http.HttpParser$CompliantHttpField",
            "org.eclipse.jetty.util.HostPort",
            "org.eclipse.jetty.util.EmptyTrie",
            "org.eclipse.jetty.util.CharsetStringBuilder",
            "org.eclipse.jetty.util.Utf8StringBuilder",
            "org.eclipse.jetty.util.Utf8StringBuilder$Utf8IllegalArgumentException",
            "org.eclipse.jetty.http.HttpParser$FieldCache",
            "org.eclipse.jetty.http.HttpParser$FieldState",
            "org.eclipse.jetty.http.HttpParser$ChunkSizeState",
            "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread",
            "org.eclipse.jetty.util.thread.strategy.AdaptiveExecutionStrategy$SubStrategy",
            "org.eclipse.jetty.io.ArrayByteBufferPool$ReservedBuffer",
            "org.eclipse.jetty.io.RetainableByteBuffer$EmptyRetainableByteBuffer",
            "org.eclipse.jetty.io.Retainable$ReferenceCounter",
            "org.eclipse.jetty.server.internal.HttpChannelState$AllowedOnlyComplianceListener",
            "org.eclipse.jetty.server.internal.HttpConnection$HttpStreamOverHTTP1",
            "org.eclipse.jetty.util.ConstantThrowable",
            "org.eclipse.jetty.io.QuietException$Exception",
            "org.eclipse.jetty.http.HttpURI$Mutable",
            "org.eclipse.jetty.http.HttpURI$Mutable$State",
            "org.eclipse.jetty.http.HttpTokens",
            "org.eclipse.jetty.http.HttpTokens$Token",
            "org.eclipse.jetty.http.HttpTokens$Type",
            "org.eclipse.jetty.http.HttpGenerator$Result",
            "org.eclipse.jetty.http.HttpURI$Immutable",
            "org.eclipse.jetty.server.internal.HttpChannelState$ChannelRequest",
            "org.eclipse.jetty.io.content.ContentSourceInputStream",
            "org.eclipse.jetty.util.Promise",
            "org.eclipse.jetty.util.Promise$Completable",
            "org.eclipse.jetty.util.Promise$Invocable",
            "org.eclipse.jetty.util.Fields",
            "org.eclipse.jetty.server.internal.CachedQueryFields",
            "org.eclipse.jetty.http.HttpException$IllegalStateException",
            "org.eclipse.jetty.http.HttpException$IllegalArgumentException",
            "org.eclipse.jetty.server.internal.HttpChannelState$ChannelCallback",
            "org.eclipse.jetty.io.QuietException$RuntimeException",
            "org.eclipse.jetty.server.internal.HttpChannelState$ChannelResponse",
            "org.eclipse.jetty.http.ComplianceViolationException",
            "org.eclipse.jetty.server.HttpCookieUtils$SetCookieHttpField",
            "org.eclipse.jetty.util.Callback$Completable");

    private JettyWarmUp() {
    }

    public static void run() {
        Server server = new Server();
        new ServerConnector(server, new HttpConnectionFactory());
        ClassLoader loader = JettyWarmUp.class.getClassLoader();
        for (String name : FIRST_REQUEST) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError otherJettyVersion) {
                // another Jetty version: that class is simply not warmed
            }
        }
    }
}
