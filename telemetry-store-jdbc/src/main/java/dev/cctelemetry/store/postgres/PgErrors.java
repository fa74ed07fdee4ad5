package dev.cctelemetry.store.postgres;

import dev.cctelemetry.core.port.out.RemoteStoreException;
import dev.cctelemetry.core.port.out.RemoteStoreException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Turns driver errors into {@link RemoteStoreException}s with one secret-free line that names the cause and
 * {@code host:port}. The password is scrubbed from every message of the cause chain, not only from ours: a
 * server error can quote the statement or the connection string it choked on. So are a password and a
 * {@code user:password@} written into the URL itself (the driver reports the latter as an unknown host).
 */
final class PgErrors {

    private final String hostPort;
    private final String user;
    private final List<String> secrets;

    PgErrors(PgEndpoint endpoint, String user, String password) {
        this.hostPort = endpoint.hostPort();
        this.user = user;
        List<String> all = new ArrayList<>(endpoint.secrets());
        all.add(password);
        this.secrets = all.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** The exception to throw for a failure while connecting. */
    RemoteStoreException connecting(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Reason reason;
        String what;
        if (state.equals("08P01") && !hasCause(e, SSLException.class)) {
            // Something answered, but not in PostgreSQL's protocol: a wrong port, a proxy, a captive portal.
            reason = Reason.UNREACHABLE;
            what = "unreachable (the peer does not speak the PostgreSQL protocol; check host and port)";
        } else if (hasCause(e, SSLException.class) || mentionsTls(e)) {
            reason = Reason.TLS;
            what = "TLS failed (" + firstLine(rootMessage(e)) + ")";
        } else if (state.equals("28P01") || state.equals("28000")) {
            reason = Reason.AUTHENTICATION;
            what = "authentication failed for user " + user;
        } else if (hasCause(e, UnknownHostException.class)) {
            reason = Reason.UNREACHABLE;
            what = "unreachable (unknown host)";
        } else if (hasCause(e, SocketTimeoutException.class) || state.equals("57014")) {
            reason = Reason.TIMEOUT;
            what = "timed out while connecting";
        } else if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
            reason = Reason.UNREACHABLE;
            what = "unreachable (" + firstLine(rootMessage(e)) + ")";
        } else if (state.equals("3D000")) {
            reason = Reason.CONFIGURATION;
            what = "database does not exist";
        } else if (state.startsWith("08")) {
            reason = Reason.UNREACHABLE;
            what = "connection failed (" + firstLine(e.getMessage()) + ")";
        } else {
            return working(e);
        }
        return build(reason, what, e);
    }

    /** The exception to throw for a failure on an open connection. */
    RemoteStoreException working(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("57014") || hasCause(e, SocketTimeoutException.class)) {
            return build(Reason.TIMEOUT, "statement timed out", e);
        }
        if (state.startsWith("08") || hasCause(e, IOException.class)) {
            return build(Reason.CONNECTION_LOST, "connection lost (" + firstLine(e.getMessage()) + ")", e);
        }
        if (state.equals("42501")) {
            return build(Reason.SCHEMA, "permission denied (" + firstLine(e.getMessage()) + ")", e);
        }
        return build(Reason.SERVER, "server error " + state + " (" + firstLine(e.getMessage()) + ")", e);
    }

    /** A failure that did not come from the driver (schema too new, bad settings). */
    RemoteStoreException of(Reason reason, String what) {
        return new RemoteStoreException(reason, "PostgreSQL at " + hostPort + ": " + scrub(what), null);
    }

    private RemoteStoreException build(Reason reason, String what, Throwable cause) {
        return new RemoteStoreException(reason, "PostgreSQL at " + hostPort + ": " + scrub(what), safeCause(cause));
    }

    /** The cause itself when no message in its chain holds the password, else a scrubbed stand-in. */
    private Throwable safeCause(Throwable cause) {
        boolean leaks = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (!scrub(String.valueOf(t.getMessage())).equals(String.valueOf(t.getMessage()))) {
                leaks = true;
            }
        }
        if (!leaks) {
            return cause;
        }
        IOException standIn = new IOException(cause.getClass().getName() + ": " + scrub(cause.getMessage()));
        standIn.setStackTrace(cause.getStackTrace());
        return standIn;
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    private static boolean mentionsTls(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SSL") || m.contains("certificate");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
