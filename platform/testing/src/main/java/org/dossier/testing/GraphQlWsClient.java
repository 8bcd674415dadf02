package org.dossier.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A GraphQL subscription client speaking graphql-transport-ws, as browser clients do, on the JDK's WebSocket alone.
 * Messages are handed over as JSON text; pings are answered and not handed over.
 */
public final class GraphQlWsClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> messages;

    private GraphQlWsClient(WebSocket socket, BlockingQueue<String> messages) {
        this.socket = socket;
        this.messages = messages;
    }

    /** Connects to a GraphQL endpoint given by its http(s) URL and waits for the server's connection_ack. */
    public static GraphQlWsClient connect(String graphqlUrl) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphqlUrl.replaceFirst("^http", "ws")), collector(messages))
                .get(10, TimeUnit.SECONDS);
        GraphQlWsClient client = new GraphQlWsClient(socket, messages);
        socket.sendText("{\"type\":\"connection_init\"}", true).join();
        String ack = client.next(Duration.ofSeconds(10));
        if (ack == null || !ack.contains("\"connection_ack\"")) {
            throw new IllegalStateException("no connection_ack from " + graphqlUrl + ", got: " + ack);
        }
        return client;
    }

    /** Starts a subscription; {@code payloadJson} is the request: {"query": ..., "variables": ...}. */
    public void subscribe(String id, String payloadJson) {
        socket.sendText("{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":" + payloadJson + "}", true).join();
    }

    /** The next message from the server (JSON text), or null if none arrives in time. */
    public String next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private static WebSocket.Listener collector(BlockingQueue<String> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    if (message.contains("\"type\":\"ping\"")) {
                        socket.sendText("{\"type\":\"pong\"}", true);
                    } else {
                        messages.add(message);
                    }
                }
                socket.request(1);
                return null;
            }
        };
    }
}
