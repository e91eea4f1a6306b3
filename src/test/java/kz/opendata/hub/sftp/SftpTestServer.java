package kz.opendata.hub.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * An SFTP server on 127.0.0.1 (Apache MINA SSHD) serving a folder, with its own host key, one
 * password account, folders the account may not list or inspect, and an optional connection cut
 * when a client first renames a file.
 */
public final class SftpTestServer implements AutoCloseable {

    private final Path root;
    private final KeyPair hostKey;
    private final Options options;
    private SshServer server;
    private final AtomicInteger renames = new AtomicInteger();

    private SftpTestServer(Path root, KeyPair hostKey, Options options) {
        this.root = root;
        this.hostKey = hostKey;
        this.options = options;
    }

    /** Settings of a server; {@link #modern} is a current, well-behaved server. */
    public record Options(
            String username,
            String password,
            boolean legacyHostKeyOnly,
            Set<String> deniedFolders,
            boolean cutConnectionOnFirstRename) {

        public static Options modern(String username, String password) {
            return new Options(username, password, false, Set.of(), false);
        }

        public Options legacyOnly() {
            return new Options(username, password, true, deniedFolders, cutConnectionOnFirstRename);
        }

        /** Folders, as absolute paths on the server, that the account may neither list nor inspect. */
        public Options denying(String... folders) {
            return new Options(username, password, legacyHostKeyOnly, Set.of(folders), cutConnectionOnFirstRename);
        }

        public Options cuttingOnFirstRename() {
            return new Options(username, password, legacyHostKeyOnly, deniedFolders, true);
        }
    }

    public static SftpTestServer start(Path root, Options options) throws IOException {
        Files.createDirectories(root);
        KeyPair hostKey = options.legacyHostKeyOnly() ? generate("RSA") : generate("EC");
        SftpTestServer test = new SftpTestServer(root, hostKey, options);
        test.listen(0);
        return test;
    }

    private void listen(int port) throws IOException {
        SshServer ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(port);
        ssh.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        if (options.legacyHostKeyOnly()) {
            // Only SHA-1 RSA signatures, as an OpenSSH before 7.2 offers them.
            List<NamedFactory<Signature>> legacy = List.of(BuiltinSignatures.rsa);
            ssh.setSignatureFactories(legacy);
        }
        ssh.setPasswordAuthenticator((user, password, session) ->
                options.username().equals(user) && options.password().equals(password));
        ssh.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        ssh.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(accessor(options))
                .build()));
        ssh.start();
        server = ssh;
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** Returns this server's line for a known_hosts file. */
    public String knownHostsLine() {
        return knownHostsLine(port(), hostKey.getPublic());
    }

    static String knownHostsLine(int port, PublicKey key) {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key) + "\n";
    }

    /** Returns the OpenSSH fingerprint of the host key: SHA256: and the unpadded Base64 of the key blob's hash. */
    public String fingerprint() {
        String blob = PublicKeyEntry.toString(hostKey.getPublic()).split(" ")[1];
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(blob));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns how many renames clients asked for, the one cut included. */
    public int renameRequests() {
        return renames.get();
    }

    static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SftpFileSystemAccessor accessor(Options options) {
        return new SftpFileSystemAccessor() {
            @Override
            public DirectoryStream<Path> openDirectory(
                    SftpSubsystemProxy subsystem, DirectoryHandle handle, Path dir, String name, LinkOption... links)
                    throws IOException {
                deny(dir, options);
                return SftpFileSystemAccessor.super.openDirectory(subsystem, handle, dir, name, links);
            }

            @Override
            public Map<String, ?> readFileAttributes(
                    SftpSubsystemProxy subsystem, Path file, String view, LinkOption... links) throws IOException {
                deny(file, options);
                return SftpFileSystemAccessor.super.readFileAttributes(subsystem, file, view, links);
            }

            @Override
            public void renameFile(SftpSubsystemProxy subsystem, Path from, Path to, Collection<CopyOption> copyOptions)
                    throws IOException {
                if (renames.incrementAndGet() == 1 && options.cutConnectionOnFirstRename()) {
                    subsystem.getServerSession().close(true);
                    throw new IOException("connection cut by the test server");
                }
                SftpFileSystemAccessor.super.renameFile(subsystem, from, to, copyOptions);
            }
        };
    }

    private static void deny(Path path, Options options) throws AccessDeniedException {
        String virtual = path.toAbsolutePath().normalize().toString();
        if (options.deniedFolders().contains(virtual)) {
            throw new AccessDeniedException(virtual);
        }
    }

    /** Stops the server as an outage would; {@link #resume()} brings it back on the same port. */
    public void pause() {
        close();
    }

    /** Starts a paused server again at the same address, with the same host key and files. */
    public void resume() {
        try {
            listen(server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
