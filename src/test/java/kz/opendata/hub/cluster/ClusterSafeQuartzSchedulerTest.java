package kz.opendata.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.spring.spi.ApplicationContextBeanRepository;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes that start at the same moment on a new PostgreSQL database, each with its own Quartz
 * scheduler on the clustered JDBC job store and its own Camel context. Node A stores the poll
 * trigger right after node B read that the trigger is missing and before node B stores it, the
 * race of two nodes started together.
 */
class ClusterSafeQuartzSchedulerTest {

    private static final Path ROOT = Path.of("target", "cluster-safe-quartz").toAbsolutePath();
    // Both nodes of one cluster share the Quartz scheduler name and the Camel context name,
    // because a Quartz job finds its Camel context by that name.
    private static final String QUARTZ_NAME = "poll-race";
    private static final String CAMEL_NAME = "hub";
    private static final String ROUTE_ID = "inbox-poll";
    private static final String TRIGGER_GROUP = "poll-race";
    private static final String TRIGGER_ID = "inbox";
    private static final String EVERY_SECOND = "0/1 * * * * ?";

    private final AnnotationConfigApplicationContext spring =
            new AnnotationConfigApplicationContext(QuartzPollSchedulerConfiguration.class);
    private final List<String> polledOnNodeB = new CopyOnWriteArrayList<>();
    private final AtomicBoolean raced = new AtomicBoolean();
    private Path inbox;
    private JdbcClient jdbc;
    private Scheduler quartzA;
    private Scheduler quartzB;
    private CamelContext nodeA;
    private CamelContext nodeB;

    @BeforeEach
    void newDatabase() throws IOException, SchedulerException {
        inbox = ROOT.resolve(UUID.randomUUID().toString());
        Files.createDirectories(inbox);
        DataSource dataSource = Databases.migrated("postgresql", "unused");
        jdbc = JdbcClient.create(dataSource);
        quartzA = clusteredQuartz("node-a", dataSource);
        quartzB = clusteredQuartz("node-b", dataSource);
    }

    @AfterEach
    void stopNodes() throws SchedulerException {
        for (CamelContext node : new CamelContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.stop();
            }
        }
        quartzB.shutdown(true);
        quartzA.shutdown(true);
        spring.close();
    }

    @Test
    void stockSchedulerFailsOnTriggerRace() throws Exception {
        nodeA = node(quartzA, "quartz", EVERY_SECOND, false);
        nodeB = node(racing(quartzB, nodeA), "quartz", EVERY_SECOND, true);

        assertThatThrownBy(nodeB::start).hasRootCauseInstanceOf(ObjectAlreadyExistsException.class);
        assertThat(raced).isTrue();
    }

    @Test
    void startsOnTriggerStoredByOtherNode() throws Exception {
        Files.writeString(inbox.resolve("report.csv"), "region_code,year\n101,2024\n", StandardCharsets.UTF_8);
        nodeA = node(quartzA, "#clusterSafeQuartz", EVERY_SECOND, false);
        nodeB = node(racing(quartzB, nodeA), "#clusterSafeQuartz", EVERY_SECOND, true);

        nodeB.start();

        assertThat(raced).isTrue();
        assertThat(nodeB.getRouteController().getRouteStatus(ROUTE_ID).isStarted())
                .isTrue();
        assertThat(storedTriggers()).isEqualTo(1);
        // Quartz rolled back node B's job together with its failed trigger insert, so node A's
        // job is the only one.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_job_details")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !polledOnNodeB.isEmpty());
        assertThat(polledOnNodeB).containsExactly("report.csv");
    }

    @Test
    void appliesOwnCronToStoredTrigger() throws Exception {
        nodeA = node(quartzA, "#clusterSafeQuartz", "0/2 * * * * ?", false);
        nodeB = node(racing(quartzB, nodeA), "#clusterSafeQuartz", EVERY_SECOND, true);

        nodeB.start();

        // Camel updates a stored trigger whose cron differs from the endpoint's, so the node that
        // starts last sets the schedule, as on any restart with a changed cron.
        String storedCron = jdbc.sql("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_name = ?")
                .param(TRIGGER_ID)
                .query(String.class)
                .single();
        assertThat(raced).isTrue();
        assertThat(storedCron).isEqualTo(EVERY_SECOND);
    }

    @Test
    void stopsWithoutDeletingSharedTrigger() throws Exception {
        nodeA = node(quartzA, "#clusterSafeQuartz", EVERY_SECOND, false);
        nodeB = node(racing(quartzB, nodeA), "#clusterSafeQuartz", EVERY_SECOND, true);
        nodeB.start();

        nodeB.getRouteController().stopRoute(ROUTE_ID);

        assertThat(raced).isTrue();
        assertThat(nodeB.getRouteController().getRouteStatus(ROUTE_ID).isStopped())
                .isTrue();
        // The other nodes keep polling on the trigger.
        assertThat(storedTriggers()).isEqualTo(1);
    }

    @Test
    void givesEachEndpointItsOwnScheduler() throws Exception {
        CamelContext context =
                new DefaultCamelContext(new DefaultRegistry(new ApplicationContextBeanRepository(spring)));
        context.build();

        Consumer first = context.getEndpoint(inboxUri("#clusterSafeQuartz", EVERY_SECOND, "first"))
                .createConsumer(exchange -> {});
        Consumer second = context.getEndpoint(inboxUri("#clusterSafeQuartz", EVERY_SECOND, "second"))
                .createConsumer(exchange -> {});

        QuartzScheduledPollConsumerScheduler firstScheduler = scheduler(first);
        QuartzScheduledPollConsumerScheduler secondScheduler = scheduler(second);
        assertThat(firstScheduler).isInstanceOf(ClusterSafeQuartzScheduler.class);
        assertThat(secondScheduler).isInstanceOf(ClusterSafeQuartzScheduler.class);
        assertThat(firstScheduler).isNotSameAs(secondScheduler);
        context.close();
    }

    /**
     * Creates a node's Camel context with one file poll whose Quartz trigger has a fixed key. A
     * node that does not fire polls keeps its Quartz scheduler in standby, so it stores triggers
     * and node B alone runs the polls. Node B adds the polled file names to {@code polledOnNodeB}.
     */
    private CamelContext node(Scheduler quartz, String pollScheduler, String cron, boolean firesPolls)
            throws Exception {
        DefaultCamelContext context =
                new DefaultCamelContext(new DefaultRegistry(new ApplicationContextBeanRepository(spring)));
        context.getCamelContextExtension().setName(CAMEL_NAME);
        context.disableJMX();
        QuartzComponent component = new QuartzComponent();
        component.setScheduler(quartz);
        component.setAutoStartScheduler(firesPolls);
        context.addComponent("quartz", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(inboxUri(pollScheduler, cron, TRIGGER_ID))
                        .routeId(ROUTE_ID)
                        .process(exchange -> {
                            if (firesPolls) {
                                polledOnNodeB.add(
                                        exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
                            }
                        });
            }
        });
        return context;
    }

    /** Builds a file poll URI. Camel's Quartz poll scheduler reads a + in the cron as a space. */
    private String inboxUri(String pollScheduler, String cron, String triggerId) {
        return "file:" + inbox + "?noop=true&scheduler=" + pollScheduler
                + "&scheduler.cron=" + cron.replace(' ', '+')
                + "&scheduler.triggerGroup=" + TRIGGER_GROUP
                + "&scheduler.triggerId=" + triggerId;
    }

    /**
     * Wraps node B's Quartz scheduler so that it starts node A the first time a trigger lookup
     * finds nothing. Node A then stores the trigger before node B can.
     */
    private Scheduler racing(Scheduler quartz, CamelContext otherNode) {
        return (Scheduler) Proxy.newProxyInstance(
                Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class}, (proxy, method, arguments) -> {
                    Object result = invoke(quartz, method, arguments);
                    if (method.getName().equals("getTrigger") && result == null && raced.compareAndSet(false, true)) {
                        otherNode.start();
                    }
                    return result;
                });
    }

    private static Object invoke(Scheduler quartz, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(quartz, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Creates a scheduler on the clustered JDBC job store with the hub's own Quartz settings,
     * under the shared name and its own instance id.
     */
    private static Scheduler clusteredQuartz(String instanceId, DataSource dataSource) throws SchedulerException {
        String provider = "poll-race-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new DataSourceConnectionProvider(dataSource));
        ClusterProperties cluster = new ClusterProperties(true, QUARTZ_NAME, 7500, 60000, 10000);
        Properties properties = ClusteredQuartzConfiguration.quartzProperties(cluster, provider);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId);
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide map and hands out the one it finds
        // there. Removing it lets the next call create the second node's scheduler.
        SchedulerRepository.getInstance().remove(QUARTZ_NAME);
        return scheduler;
    }

    private long storedTriggers() {
        return jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = ? AND trigger_name = ?")
                .params(TRIGGER_GROUP, TRIGGER_ID)
                .query(Long.class)
                .single();
    }

    private static QuartzScheduledPollConsumerScheduler scheduler(Consumer consumer) {
        return (QuartzScheduledPollConsumerScheduler) ((ScheduledPollConsumer) consumer).getScheduler();
    }
}
