package kz.opendata.hub.publication;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A portal for tests that passes requests to a real adapter, which the test chooses, and can fail
 * the next calls before they reach it or crash right after the adapter published.
 */
final class SwitchablePortal implements PortalAdapter {

    /** Stands for the process dying: no catch block of the hub handles it. */
    static final class SimulatedCrash extends RuntimeException {

        SimulatedCrash() {
            super("simulated crash after the portal call");
        }
    }

    private volatile PortalAdapter delegate;
    private volatile boolean crashAfterNext;
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private int calls;

    SwitchablePortal(PortalAdapter delegate) {
        this.delegate = delegate;
    }

    synchronized void use(PortalAdapter adapter) {
        delegate = adapter;
        failures.clear();
        crashAfterNext = false;
    }

    synchronized void failNext(RuntimeException failure) {
        failures.add(failure);
    }

    synchronized void crashAfterNextPublication() {
        crashAfterNext = true;
    }

    synchronized int calls() {
        return calls;
    }

    @Override
    public PublicationResult publish(PublicationRequest request) {
        PortalAdapter target;
        boolean crash;
        synchronized (this) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            target = delegate;
            crash = crashAfterNext;
            crashAfterNext = false;
        }
        PublicationResult result = target.publish(request);
        if (crash) {
            throw new SimulatedCrash();
        }
        return result;
    }
}
