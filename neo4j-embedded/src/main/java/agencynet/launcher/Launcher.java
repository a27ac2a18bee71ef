package agencynet.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs embedded Neo4j Community with only the Bolt connector, for agencynet.
 *
 * <p>Usage: {@code Launcher --data-dir DIR --port N --ready-file FILE [--watch-pid PID]
 * [--pagecache-mb N]}. Authentication is off unless the environment variable
 * {@code AGENCYNET_NEO4J_LAUNCH_PASSWORD} is set (non-empty): then it is on and the built-in
 * user {@code neo4j} gets that password. When Bolt is listening the launcher writes the ready
 * file ({@code pid port} on one line); on SIGTERM it shuts the database down cleanly and
 * deletes the ready file. With {@code --watch-pid} it also stops when that process ends.
 * Exit codes: 0 clean stop, 2 bad arguments, 3 start-up failed.
 */
public final class Launcher {
    static final String PASSWORD_ENV = "AGENCYNET_NEO4J_LAUNCH_PASSWORD";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        Path readyFile = null;
        int port = -1;
        long watchPid = -1;
        long pagecacheMb = 64;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                    case "--port" -> port = Integer.parseInt(value);
                    case "--ready-file" -> readyFile = Path.of(value).toAbsolutePath();
                    case "--watch-pid" -> watchPid = Long.parseLong(value);
                    case "--pagecache-mb" -> pagecacheMb = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dataDir == null || readyFile == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("--data-dir, --ready-file and --port (1-65535) are required");
            }
        } catch (RuntimeException e) {
            System.err.println("agencynet-launcher: bad arguments: " + e.getMessage());
            System.exit(2);
            return;
        }
        String password = System.getenv(PASSWORD_ENV);
        boolean auth = password != null && !password.isEmpty();

        DatabaseManagementService dbms;
        try {
            Files.deleteIfExists(readyFile);
            Files.createDirectories(dataDir);
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // no 256 MB pre-allocated transaction log per database (throwaway test dirs)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // a local server: stop in about a second instead of the 10 s default
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable e) {
            System.err.println("agencynet-launcher: failed to start Neo4j: " + rootMessage(e));
            e.printStackTrace();
            System.exit(3);
            return;
        }
        final Path ready = readyFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("agencynet-launcher: stopping");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the Python side treats a dead pid as stopped anyway
            }
            dbms.shutdown();
            System.out.println("agencynet-launcher: stopped");
            System.out.flush();
        }, "agencynet-launcher-shutdown"));

        try {
            if (auth) {
                String cypher = resource("/set-initial-password.cypher");
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                        .executeTransactionally(cypher, Map.of("password", password));
            }
            if (watchPid > 0) {
                ProcessHandle.of(watchPid).ifPresentOrElse(
                        h -> h.onExit().thenRun(() -> {
                            System.out.println("agencynet-launcher: watched process " + h.pid() + " ended");
                            System.exit(0);
                        }),
                        () -> System.exit(0));
            }
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, ProcessHandle.current().pid() + " " + port + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable e) {
            System.err.println("agencynet-launcher: failed to start Neo4j: " + rootMessage(e));
            e.printStackTrace();
            System.exit(3);
            return;
        }
        System.out.println("agencynet-launcher: ready on bolt://127.0.0.1:" + port
                + " (auth " + (auth ? "enabled" : "disabled") + ", data " + dataDir + ")");
        new CountDownLatch(1).await();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is missing from the classpath");
            }
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("//")) {
                    text.append(line).append('\n');
                }
            }
            return text.toString().strip();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder msg = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            msg.append(": ").append(cause.getMessage());
        }
        return msg.toString();
    }
}
