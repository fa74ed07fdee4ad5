package dev.cctelemetry.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that accepts every connection and never answers: a webhook or store that hangs. Counts the
 * connections; closing it closes them all.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    /** Starts accepting on a free port of 127.0.0.1. */
    public SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(socket.accept()); // read nothing, answer nothing
                }
            } catch (IOException closed) {
                // the server was closed
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:PORT} + {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Connections accepted so far. */
    public int connections() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
