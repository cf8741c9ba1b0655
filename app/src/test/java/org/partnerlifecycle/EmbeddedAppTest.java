package org.partnerlifecycle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the embedded default (in-process Zeebe, H2, demo data). Every test class using
 * exactly this annotation shares one application context, so the engine starts once. Uploaded documents go to
 * a directory under target/, never to the working directory's data/.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = EmbeddedAppTest.DOCUMENTS_DIR)
@AutoConfigureMockMvc
public @interface EmbeddedAppTest {

  String DOCUMENTS_DIR = "partner.documents.dir=target/test-documents";
}
