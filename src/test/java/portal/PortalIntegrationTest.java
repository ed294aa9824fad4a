package portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import portal.identity.AccountFixtures;

/**
 * The one configuration of integration tests: the whole portal on its embedded PostgreSQL,
 * with MockMvc, a clock tests can move and real accounts to sign in with ({@link AccountFixtures}). Every integration test uses it so that all share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, AccountFixtures.class })
public @interface PortalIntegrationTest {
}
