package org.partnerlifecycle.console;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements that the current thread prepares while recording, whichever layer issues them
 * (JPA, JdbcTemplate): the way to see what a page costs. Wraps the application's DataSource.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlStatementCounter implements BeanPostProcessor {

  private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
  private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

  /** Runs the action and returns the statements it prepared on this thread. */
  static List<String> record(ThrowingRunnable action) throws Exception {
    RECORDED.set(new ArrayList<>());
    try {
      action.run();
      return List.copyOf(RECORDED.get());
    } finally {
      RECORDED.remove();
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
      return new Recording(dataSource);
    }
    return bean;
  }

  static final class Recording extends DelegatingDataSource {
    Recording(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return recording(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws java.sql.SQLException {
      return recording(super.getConnection(username, password));
    }

    private static Connection recording(Connection connection) {
      InvocationHandler handler = (proxy, method, args) -> {
        List<String> recorded = RECORDED.get();
        if (recorded != null && STATEMENT_METHODS.contains(method.getName())) {
          recorded.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql : method.getName());
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return (Connection) Proxy.newProxyInstance(SqlStatementCounter.class.getClassLoader(),
          new Class<?>[] {Connection.class}, handler);
    }
  }
}
