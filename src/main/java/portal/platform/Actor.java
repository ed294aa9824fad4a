package portal.platform;

import java.util.Objects;

/**
 * The party an action is attributed to: a login ID for people, a key name for
 * relevant-service systems, a job name for the portal's own jobs.
 */
public record Actor(ActorKind kind, String id) implements java.io.Serializable {

	public static final Actor ANONYMOUS = new Actor(ActorKind.ANONYMOUS, "anonymous");

	public Actor {
		Objects.requireNonNull(kind, "kind");
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("An actor needs an id");
		}
	}

	public static Actor user(String loginId) {
		return new Actor(ActorKind.USER, loginId);
	}

	public static Actor staff(String loginId) {
		return new Actor(ActorKind.STAFF, loginId);
	}

	public static Actor job(String jobName) {
		return new Actor(ActorKind.SYSTEM, jobName);
	}

	public static Actor serviceSystem(String keyName) {
		return new Actor(ActorKind.SERVICE_SYSTEM, keyName);
	}
}
