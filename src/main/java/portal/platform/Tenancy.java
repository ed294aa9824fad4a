package portal.platform;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The current actor, tenant scope and origin of the work on this thread. The web layer
 * sets it per request from the signed-in principal; jobs and listeners set it explicitly
 * with {@link #call}. Every database connection handed out carries the scope to the
 * row-level-security policies.
 */
@Component
public class Tenancy {

	/** Who does what from where, for which customers, limited to which of their services. */
	public record Context(Actor actor, TenantScope scope, String origin, ServiceLimit limit) {

		public Context {
			Objects.requireNonNull(actor, "actor");
			Objects.requireNonNull(scope, "scope");
			origin = origin == null ? "" : origin;
			limit = limit == null ? ServiceLimit.NONE : limit;
		}

		public Context(Actor actor, TenantScope scope, String origin) {
			this(actor, scope, origin, ServiceLimit.NONE);
		}
	}

	private static final Context NOBODY = new Context(Actor.ANONYMOUS, TenantScope.none(), "");

	private final ThreadLocal<Context> current = new ThreadLocal<>();

	public Context current() {
		Context context = current.get();
		return context == null ? NOBODY : context;
	}

	public TenantScope scope() {
		return current().scope();
	}

	public Actor actor() {
		return current().actor();
	}

	public ServiceLimit limit() {
		return current().limit();
	}

	/** Runs work in the given context and restores the previous one afterwards. */
	public <T> T call(Context context, Supplier<T> work) {
		Context previous = current.get();
		current.set(context);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				current.remove();
			}
			else {
				current.set(previous);
			}
		}
	}

	public <T> T call(Actor actor, TenantScope scope, Supplier<T> work) {
		return call(new Context(actor, scope, current().origin()), work);
	}

	public void run(Actor actor, TenantScope scope, Runnable work) {
		call(actor, scope, () -> {
			work.run();
			return null;
		});
	}

	/** Runs a job of the portal's own with the system scope, attributed to the job's name. */
	public void runAsJob(String jobName, Runnable work) {
		run(Actor.job(jobName), TenantScope.system(), work);
	}
}
