package portal.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application's bean
 * definitions are known, so that the server starts (and recovers, after a crash) while the
 * rest of the context is built; whoever needs the database first waits for it. A warm start
 * thereby hides the server's start behind the context's. It owns the server: it stops it when
 * the context closes, also when the context failed before anyone took the database.
 */
class EmbeddedDatabaseStart implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseStart.class);

	private Environment environment;

	private volatile CompletableFuture<EmbeddedDatabase> database;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		// Spring AOT's build-time processing runs post-processors too; it must not start a server.
		if (!Boolean.getBoolean("spring.aot.processing")) {
			begin();
		}
	}

	// Resolved once here: a data directory made of a random value would differ at each resolution.
	private synchronized CompletableFuture<EmbeddedDatabase> begin() {
		if (database == null) {
			Path dataDir = Path.of(environment.getRequiredProperty("portal.data-dir")).toAbsolutePath().normalize();
			boolean durable = environment.getProperty("portal.embedded.durable", Boolean.class, true);
			// PostgreSQL's own default (128MB) unless set: enough for the demo; a large store wants more.
			String sharedBuffers = environment.getProperty("portal.embedded.shared-buffers", "");
			String appRole = environment.getRequiredProperty("spring.flyway.placeholders.appRole");
			CompletableFuture<EmbeddedDatabase> started = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					started.complete(new EmbeddedDatabase(dataDir, durable, sharedBuffers, appRole));
				}
				catch (Throwable ex) {
					started.completeExceptionally(ex);
				}
			}, "embedded-postgres-start");
			thread.setDaemon(true);
			thread.start();
			database = started;
		}
		return database;
	}

	/** The started server, waiting for its start to finish. */
	EmbeddedDatabase await() throws IOException {
		try {
			return begin().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("The embedded database could not start", ex.getCause());
		}
	}

	@Override
	public void destroy() throws IOException {
		CompletableFuture<EmbeddedDatabase> started = database;
		if (started == null) {
			return;
		}
		EmbeddedDatabase server;
		try {
			server = started.join();
		}
		catch (CompletionException ex) {
			log.debug("The embedded database had not started; nothing to stop", ex);
			return;
		}
		server.close();
	}
}
