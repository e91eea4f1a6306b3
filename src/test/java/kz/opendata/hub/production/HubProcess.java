package kz.opendata.hub.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.opendata.hub.HubApplication;

/**
 * One hub node as a separate JVM, started from the test's own class path in the project folder,
 * so it reads config/ and routes/ the way an installed hub does. Its output goes to a log file.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final Path log;

    private HubProcess(Process process, int httpPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * Starts a node.
     *
     * @param environment extra environment variables (database URL and credentials)
     * @param arguments Spring arguments such as {@code --hub.data-dir=...}
     */
    public static HubProcess start(Path log, String heap, Map<String, String> environment, List<String> arguments)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                HubApplication.class.getName(),
                "--server.port=" + port,
                // Every node of a cluster has the same Camel context name, because a clustered
                // Quartz job stores the name and any node may fire it. The test class path gives
                // each context a random name otherwise.
                "--camel.main.name=opendata-hub"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new HubProcess(builder.start(), port, log);
    }

    /** Whether /actuator/health responds at all, whatever the status. */
    public boolean answersHealth() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 || response.statusCode() == 503;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Checks whether the node finished starting. Spring Boot prints its "Started" line once the
     * context, Camel and every route are up. The health endpoint responds earlier, while Camel is
     * still starting, and a route that fails to start then stops the node.
     */
    public boolean hasStarted() {
        try {
            return Files.isRegularFile(log)
                    && Files.readString(log, StandardCharsets.UTF_8)
                            .contains("Started " + HubApplication.class.getSimpleName());
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Describes the node for an assertion message: running or its exit code, and its last log lines. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited with code " + process.exitValue();
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            lines = List.of("(log unreadable: " + e.getMessage() + ")");
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
        return "node logging to " + log.getFileName() + " " + state + "; last lines:\n" + String.join("\n", tail);
    }

    public Path log() {
        return log;
    }

    /** Kills the node at once, as a power cut would (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the node the way a service manager does (SIGTERM), killing it if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
