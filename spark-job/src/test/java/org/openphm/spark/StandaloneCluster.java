package org.openphm.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on this machine: a master and one worker, each its own JVM started with Spark's
 * launcher classes ({@code org.apache.spark.deploy.master.Master}, {@code ...worker.Worker}, what
 * {@code start-master.sh} and {@code start-worker.sh} run), and jobs submitted with {@code SparkSubmit}, what
 * {@code spark-submit} runs. Executors are separate JVMs the worker launches.
 *
 * <p>Spark comes from Maven, not a downloaded distribution: the worker builds each executor's classpath from
 * {@code SPARK_HOME/jars}, so SPARK_HOME is a folder of links to the Spark jars on this JVM's classpath (the
 * spark-job module's provided-scope Spark). OpenPHM's own classes are left out of it: executors get them only from
 * the submitted job jar, as on a real cluster.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(2);

    private final Path home;
    private final Path logs;
    private final String masterUrl;
    private final List<Process> daemons = new ArrayList<>();

    private StandaloneCluster(Path home, Path logs, int port) {
        this.home = home;
        this.logs = logs;
        this.masterUrl = "spark://127.0.0.1:" + port;
    }

    /** Starts a master and a worker with {@code cores} cores and {@code memory} (e.g. "3g") for executors. */
    static StandaloneCluster start(Path dir, int cores, String memory) throws IOException, InterruptedException {
        Path home = sparkHome(dir.resolve("spark-home"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StandaloneCluster c = new StandaloneCluster(home, logs, freePort());
        try {
            int port = Integer.parseInt(c.masterUrl.substring(c.masterUrl.lastIndexOf(':') + 1));
            c.daemon(
                    "master",
                    "I have been elected leader",
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--webui-port",
                    Integer.toString(freePort()));
            c.daemon(
                    "worker",
                    "Successfully registered with master",
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    Integer.toString(cores),
                    "--memory",
                    memory,
                    "--work-dir",
                    Files.createDirectories(dir.resolve("work")).toString(),
                    "--webui-port",
                    Integer.toString(freePort()),
                    c.masterUrl);
            return c;
        } catch (IOException | RuntimeException | InterruptedException e) {
            c.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /**
     * {@code spark-submit --master <this cluster> --driver-memory M --class mainClass jobJar args...} in client
     * mode; returns its exit code, its output going to {@code log}.
     */
    int submit(Path jobJar, String mainClass, Path log, String driverMemory, List<String> conf, String... args)
            throws IOException, InterruptedException {
        // in client mode the driver is this launcher's JVM, so its heap is set here (spark.driver.memory is too late)
        List<String> command = launcher("-Xmx" + driverMemory, "org.apache.spark.deploy.SparkSubmit");
        command.addAll(List.of("--master", masterUrl, "--deploy-mode", "client", "--class", mainClass));
        for (String c : conf) {
            command.addAll(List.of("--conf", c));
        }
        command.add(jobJar.toString());
        command.addAll(List.of(args));
        Process p = process(command, log).start();
        return p.waitFor();
    }

    /** The master's and worker's logs, for a failure message. */
    String logs() throws IOException {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                s.append("== ").append(f.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> s.append(l).append('\n'));
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private void daemon(String name, String ready, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = launcher("-Xmx512m", mainClass);
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process p = process(command, log).start();
        daemons.add(p);
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.ISO_8859_1).contains(ready)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the Spark " + name + " exited (" + p.exitValue() + "):\n" + logs());
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Spark " + name + " did not start within " + START + ":\n" + logs());
    }

    private List<String> launcher(String heap, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(heap, "-cp", home.resolve("jars") + File.separator + "*", mainClass));
        return command;
    }

    private ProcessBuilder process(List<String> command, Path log) {
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        // a distribution says its Scala version by its layout; this SPARK_HOME has none, so it is told
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_LOG_DIR", logs.toString());
        return pb;
    }

    /** SPARK_HOME/jars: a link to every jar on this JVM's classpath except OpenPHM's own modules. */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        int linked = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (!name.endsWith(".jar") || name.startsWith("openphm-") || !Files.isRegularFile(jar)) {
                continue;
            }
            Path link = jars.resolve(name);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
                linked++;
            }
        }
        if (linked == 0
                || !Files.list(jars).anyMatch(j -> j.getFileName().toString().startsWith("spark-core"))) {
            throw new IllegalStateException("no Spark jars on the classpath to make SPARK_HOME from");
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
