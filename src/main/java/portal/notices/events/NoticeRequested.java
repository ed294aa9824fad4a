package portal.notices.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What another module publishes to notify people: the notices module turns it,
 * after the publishing transaction commits, into a notice in the audience's inbox and an
 * email to each of its people in their language. Publishing the same {@code key} twice
 * creates one notice.
 * <p>
 * A point in time inside a title's or body's text is written as a UTC instant the way
 * {@link Instant#toString()} writes it (e.g. {@code 2026-12-01T00:00:00Z}, see {@link #time});
 * the inbox and each email show it in the reader's time zone and language, and the API
 * returns it as written.
 *
 * @param key an idempotency key chosen by the publisher, e.g. {@code "suspension:<id>:started"}
 * @param kind what the notice is about
 * @param audience who receives it
 * @param titleEn the English title (authentic)
 * @param bodyEn the English body, plain text or Markdown
 * @param titleJa the Japanese translation of the title, or null
 * @param bodyJa the Japanese translation of the body, or null
 * @param publishAt when it becomes visible; null for at once
 * @param eventStart start of the event announced (maintenance window, suspension), or null
 * @param eventEnd end of the event announced, or null when open-ended or none
 * @param relevantServices keys of the relevant services it concerns (may be empty)
 */
public record NoticeRequested(String key, Kind kind, Audience audience, String titleEn, String bodyEn, String titleJa,
		String bodyJa, Instant publishAt, Instant eventStart, Instant eventEnd, Set<String> relevantServices) {

	public NoticeRequested {
		relevantServices = relevantServices == null ? Set.of() : Set.copyOf(relevantServices);
	}

	/** A point in time to embed in a body: each reader sees it in their own zone and language. */
	public static String time(Instant instant) {
		return instant.toString();
	}

	public Optional<String> japaneseTitle() {
		return Optional.ofNullable(titleJa);
	}

	public Optional<String> japaneseBody() {
		return Optional.ofNullable(bodyJa);
	}

	/** The kinds of notice the portal sends. */
	public enum Kind {
		AMENDMENT, MAINTENANCE, SUSPENSION, TERMINATION, ORDER, GENERAL
	}

	/**
	 * Who receives a notice: everyone (visitors too), all customers, one customer, the
	 * users of one customer holding a role, the users of customers holding a relevant
	 * service, or named users (e.g. an order's submitter and approvers).
	 *
	 * @param scope which of the above
	 * @param customerId the customer, for {@code CUSTOMER} and {@code CUSTOMER_ROLE}
	 * @param role the role name ({@code administrator}, {@code orderer}, {@code viewer}), for {@code CUSTOMER_ROLE}
	 * @param relevantService the relevant service key, for {@code RELEVANT_SERVICE}
	 * @param accountIds the accounts, for {@code ACCOUNTS}
	 */
	public record Audience(Scope scope, UUID customerId, String role, String relevantService, List<UUID> accountIds) {

		public Audience {
			accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
		}

		public enum Scope {
			EVERYONE, ALL_CUSTOMERS, CUSTOMER, CUSTOMER_ROLE, RELEVANT_SERVICE, ACCOUNTS
		}

		public static Audience everyone() {
			return new Audience(Scope.EVERYONE, null, null, null, List.of());
		}

		public static Audience allCustomers() {
			return new Audience(Scope.ALL_CUSTOMERS, null, null, null, List.of());
		}

		public static Audience customer(UUID customerId) {
			return new Audience(Scope.CUSTOMER, customerId, null, null, List.of());
		}

		public static Audience customerRole(UUID customerId, String role) {
			return new Audience(Scope.CUSTOMER_ROLE, customerId, role, null, List.of());
		}

		public static Audience relevantService(String relevantService) {
			return new Audience(Scope.RELEVANT_SERVICE, null, null, relevantService, List.of());
		}

		public static Audience accounts(UUID customerId, List<UUID> accountIds) {
			return new Audience(Scope.ACCOUNTS, customerId, null, null, accountIds);
		}
	}
}
