package io.seire.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets a test make the next write's COMMIT fail as PostgreSQL's driver reports a lost connection (an I/O error,
 * SQLState 08006), either after the server committed or before it did: the two cases a client cannot tell apart.
 * Only transactions that claimed an idempotency key are hit, so projections and other requests run on untouched.
 */
@Configuration(proxyBeanMethods = false)
public class CommitFaults {

    /** What the next armed commit does before it fails. */
    public enum Fault { COMMITTED, ROLLED_BACK }

    private static final AtomicReference<Fault> ARMED = new AtomicReference<>();

    /** The next commit of a write with an Idempotency-Key fails with the given fault. */
    public static void arm(Fault fault) {
        ARMED.set(fault);
    }

    public static boolean fired() {
        return ARMED.get() == null;
    }

    @Bean
    static BeanPostProcessor commitFaultsOnTheDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Faulty) ? new Faulty(dataSource) : bean;
            }
        };
    }

    static final class Faulty extends DelegatingDataSource {
        Faulty(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection target) {
            boolean[] claimedKey = {false};
            return (Connection) Proxy.newProxyInstance(CommitFaults.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.startsWith("prepareStatement") && args != null && args[0] instanceof String sql
                                && sql.startsWith("INSERT INTO idempotency_record")) {
                            claimedKey[0] = true;
                        }
                        if (name.equals("commit") && claimedKey[0]) {
                            claimedKey[0] = false;
                            Fault fault = ARMED.getAndSet(null);
                            if (fault != null) {
                                if (fault == Fault.COMMITTED) {
                                    target.commit();
                                } else {
                                    target.rollback();
                                }
                                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                            }
                        }
                        if (name.equals("rollback") && (args == null || args.length == 0)) {
                            claimedKey[0] = false;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
