package dev.cctelemetry.store.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where a JDBC URL points, parsed by the driver itself so that error messages and TLS defaults agree with what
 * the driver connects to. Holds no credentials.
 *
 * @param hosts the host list as the driver reads it, e.g. {@code db.example.com} or {@code a,b}
 * @param ports the matching port list
 * @param database the database name
 * @param urlProperties options given in the URL's query string, as the driver parsed them
 */
record PgEndpoint(String hosts, String ports, String database, Properties urlProperties) {

    /**
     * Parses a {@code jdbc:postgresql:} URL.
     *
     * @throws IllegalArgumentException when the driver cannot parse it (message never contains the URL)
     */
    static PgEndpoint parse(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a valid jdbc:postgresql:// URL");
        }
        return new PgEndpoint(PGProperty.PG_HOST.getOrDefault(parsed), PGProperty.PG_PORT.getOrDefault(parsed),
                PGProperty.PG_DBNAME.getOrDefault(parsed), parsed);
    }

    /** {@code host:port} for messages, all hosts of a multi-host URL joined by commas. */
    String hostPort() {
        String[] hs = hosts.split(",");
        String[] ps = ports.split(",");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hs.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            // A "user:password@" the driver took for part of the host name is never shown.
            String h = hs[i].substring(hs[i].lastIndexOf('@') + 1);
            String host = h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
            out.append(host).append(':').append(i < ps.length ? ps[i] : ps[ps.length - 1]);
        }
        return out.toString();
    }

    /**
     * What the URL itself holds that messages must never show: a {@code password=} option, and a
     * {@code user:password@} before a host (which the driver reads as part of the host name).
     */
    List<String> secrets() {
        List<String> out = new ArrayList<>();
        String pw = urlProperties.getProperty(PGProperty.PASSWORD.getName());
        if (pw != null && !pw.isEmpty()) {
            out.add(pw);
        }
        for (String host : hosts.split(",")) {
            int at = host.lastIndexOf('@');
            if (at > 0) {
                out.add(host.substring(0, at));
            }
        }
        return out;
    }

    /** Whether every host is this machine, where TLS protects nothing and is rarely configured. */
    boolean loopback() {
        for (String host : hosts.split(",")) {
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            boolean local = h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
            if (!local) {
                return false;
            }
        }
        return true;
    }

    /** Whether the URL itself sets a driver option (URL options win over the ones we pass). */
    boolean urlSets(PGProperty property) {
        return urlProperties.getProperty(property.getName()) != null;
    }
}
