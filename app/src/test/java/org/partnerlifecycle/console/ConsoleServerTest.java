package org.partnerlifecycle.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded runtime, served on a random port (for the browser) and with its SQL
 * statements countable ({@link SqlStatementCounter}). Classes with exactly this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// uploaded documents under target/, like EmbeddedAppTest, never in the working directory's data/
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = org.partnerlifecycle.EmbeddedAppTest.DOCUMENTS_DIR)
@AutoConfigureMockMvc
@Import(SqlStatementCounter.class)
@interface ConsoleServerTest {
}
