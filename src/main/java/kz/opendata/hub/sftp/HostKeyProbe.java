package kz.opendata.hub.sftp;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the host key fingerprints an SFTP server presents and those its known_hosts file
 * expects, to explain a host key mismatch. The probe stops at the host key check, before any
 * login, so it sends no credentials.
 */
final class HostKeyProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyProbe.class);

    private HostKeyProbe() {}

    /** Returns the fingerprints of the keys known_hosts holds for the server, as type and SHA256:... */
    static List<String> knownFingerprints(SftpSettings settings) {
        List<String> fingerprints = new ArrayList<>();
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(settings.knownHostsFile().toString());
            HostKey[] keys = jsch.getHostKeyRepository().getHostKey(settings.knownHostsName(), null);
            for (HostKey key : keys == null ? new HostKey[0] : keys) {
                fingerprints.add(key.getType() + " " + key.getFingerPrint(jsch));
            }
        } catch (JSchException e) {
            LOG.debug("known_hosts file {} could not be read: {}", settings.knownHostsFile(), e.getMessage());
        }
        return fingerprints;
    }

    /** Connects up to the host key check and returns the presented key's type and fingerprint, or null. */
    static String presentedFingerprint(SftpSettings settings, int timeoutMs) {
        JSch jsch = new JSch();
        RecordingRepository recorder = new RecordingRepository();
        Session session = null;
        try {
            session = jsch.getSession("host-key-probe", settings.host(), settings.port());
            session.setHostKeyRepository(recorder);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect(timeoutMs);
        } catch (JSchException e) {
            LOG.debug("Host key probe of {} stopped as intended: {}", settings.address(), e.getMessage());
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
        if (recorder.presented == null) {
            return null;
        }
        try {
            HostKey key = new HostKey(settings.knownHostsName(), recorder.presented);
            return key.getType() + " " + key.getFingerPrint(jsch);
        } catch (JSchException e) {
            LOG.debug("Presented host key of {} could not be parsed: {}", settings.address(), e.getMessage());
            return null;
        }
    }

    /** Records the key the server presents and rejects it, so the connection ends there. */
    private static final class RecordingRepository implements HostKeyRepository {

        private byte[] presented;

        @Override
        public int check(String host, byte[] key) {
            presented = key.clone();
            return NOT_INCLUDED;
        }

        @Override
        public void add(HostKey hostkey, UserInfo ui) {}

        @Override
        public void remove(String host, String type) {}

        @Override
        public void remove(String host, String type, byte[] key) {}

        @Override
        public String getKnownHostsRepositoryID() {
            return "host-key-probe";
        }

        @Override
        public HostKey[] getHostKey() {
            return new HostKey[0];
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return new HostKey[0];
        }
    }
}
