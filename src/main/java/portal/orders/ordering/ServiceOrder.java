package portal.orders.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import portal.orders.events.OrderAmended;
import portal.orders.events.OrderStateChanged;

/**
 * A service order of one customer on one relevant service, fulfilled by the contracting
 * company of its instances. Every move of its life is a method here that refuses a move the
 * current state does not allow, appends to the timeline and registers a past-tense event:
 *
 * <pre>
 * acknowledged ─┬─ awaitApproval ─ pendingApproval ─┬─ approve ─ inProgress
 *               │                                   └─ refuse ── rejected
 *               ├─ start ── inProgress ─┬─ hold ─ held ─ resume ─ inProgress
 *               └─ reject ─ rejected    ├─ complete ─ completed
 *                                       ├─ completePartly ─ partial
 *                                       └─ fail ─ failed (also from held)
 * acknowledged | inProgress | held ─ requestCancellation ─ assessingCancellation
 *   ─┬─ acceptCancellation ─ pendingCancellation ─ confirmCancellation ─ cancelled
 *    └─ declineCancellation ─ (the state before)
 * pendingApproval ─ requestCancellation ─ cancelled (the Company never saw it)
 * </pre>
 *
 * Until the contracting company starts it (acknowledged, pendingApproval) the customer may
 * still amend its particulars: description, own reference, contact, requested dates, notes.
 */
public class ServiceOrder {

	private static final int MAX_NOTE = 2000;

	private final UUID id;
	private final UUID customerId;
	private final String relevantService;
	private final String contractingCompany;
	private String description;
	private final List<OrderItem> items;
	private final boolean approvalRequired;
	private final String submittedBy;
	private final UUID submitterAccount;
	private final Instant orderDate;
	private OrderState state;
	private OrderState stateBeforeCancellation;
	private String approvedBy;
	private UUID approverAccount;
	private Instant updatedAt;
	private Instant completionDate;
	private final List<TimelineEntry> timeline;
	private final List<TimelineEntry> added = new ArrayList<>();
	private final List<Object> events = new ArrayList<>();
	private List<UUID> approvers = List.of();
	private String externalId;
	private String notificationContact;
	private Instant requestedStartDate;
	private Instant requestedCompletionDate;
	private final List<OrderNote> notes = new ArrayList<>();

	/** The states in which the customer may still amend the order: the contracting company has not started. */
	static final Set<OrderState> AMENDABLE = Set.of(OrderState.ACKNOWLEDGED, OrderState.PENDING_APPROVAL);

	ServiceOrder(UUID id, UUID customerId, String relevantService, String contractingCompany, String description,
			List<OrderItem> items, boolean approvalRequired, String submittedBy, UUID submitterAccount,
			Instant orderDate, OrderState state, OrderState stateBeforeCancellation, String approvedBy,
			UUID approverAccount, Instant updatedAt, Instant completionDate, List<TimelineEntry> timeline) {
		this.id = Objects.requireNonNull(id);
		this.customerId = Objects.requireNonNull(customerId);
		this.relevantService = relevantService;
		this.contractingCompany = contractingCompany;
		this.description = description == null ? "" : description;
		this.items = List.copyOf(items);
		this.approvalRequired = approvalRequired;
		this.submittedBy = submittedBy;
		this.submitterAccount = submitterAccount;
		this.orderDate = orderDate;
		this.state = state;
		this.stateBeforeCancellation = stateBeforeCancellation;
		this.approvedBy = approvedBy;
		this.approverAccount = approverAccount;
		this.updatedAt = updatedAt;
		this.completionDate = completionDate;
		this.timeline = new ArrayList<>(timeline);
	}

	/** Read back with the particulars the customer may amend (all optional). */
	ServiceOrder restoreParticulars(String externalId, String notificationContact, Instant requestedStartDate,
			Instant requestedCompletionDate, List<OrderNote> notes) {
		this.externalId = externalId;
		this.notificationContact = notificationContact;
		this.requestedStartDate = requestedStartDate;
		this.requestedCompletionDate = requestedCompletionDate;
		this.notes.clear();
		this.notes.addAll(notes);
		return this;
	}

	/** A new order, acknowledged; it waits for approval at once when the customer's policy asks for it. */
	static ServiceOrder submit(UUID customerId, String relevantService, String contractingCompany, String description,
			List<OrderItem> items, boolean approvalRequired, String submittedBy, UUID submitterAccount,
			List<UUID> approvers, Instant now) {
		if (items.isEmpty()) {
			throw OrderRefusal.invalid("items", "An order needs at least one item.");
		}
		ServiceOrder order = new ServiceOrder(UUID.randomUUID(), customerId, relevantService, contractingCompany,
				description, items, approvalRequired, submittedBy, submitterAccount, now, OrderState.ACKNOWLEDGED, null,
				null, null, now, null, List.of());
		order.approvers = List.copyOf(approvers);
		order.record(null, OrderState.ACKNOWLEDGED, submittedBy, "", now);
		if (approvalRequired) {
			order.awaitApproval(now);
		}
		return order;
	}

	void awaitApproval(Instant now) {
		move(Set.of(OrderState.ACKNOWLEDGED), OrderState.PENDING_APPROVAL, "waiting for approval", submittedBy, "",
				now);
	}

	/** The customer's approver lets the order go on; never the submitter. */
	void approve(String approver, UUID account, String note, Instant now) {
		requireOtherThanSubmitter(approver);
		require(Set.of(OrderState.PENDING_APPROVAL), "approved");
		decidedBy(approver, account);
		move(Set.of(OrderState.PENDING_APPROVAL), OrderState.IN_PROGRESS, "approved", approver, note, now);
	}

	/** The customer's approver stops the order; never the submitter, and always with a reason. */
	void refuse(String approver, UUID account, String note, Instant now) {
		requireOtherThanSubmitter(approver);
		requireNote(note);
		require(Set.of(OrderState.PENDING_APPROVAL), "refused");
		decidedBy(approver, account);
		move(Set.of(OrderState.PENDING_APPROVAL), OrderState.REJECTED, "refused", approver, note, now);
	}

	void start(String actor, String note, Instant now) {
		move(Set.of(OrderState.ACKNOWLEDGED), OrderState.IN_PROGRESS, "started", actor, note, now);
	}

	/** The contracting company will not fulfil the order. */
	void reject(String actor, String note, Instant now) {
		requireNote(note);
		move(Set.of(OrderState.ACKNOWLEDGED), OrderState.REJECTED, "rejected", actor, note, now);
	}

	void hold(String actor, String note, Instant now) {
		requireNote(note);
		move(Set.of(OrderState.IN_PROGRESS), OrderState.HELD, "held", actor, note, now);
	}

	void resume(String actor, String note, Instant now) {
		move(Set.of(OrderState.HELD), OrderState.IN_PROGRESS, "resumed", actor, note, now);
	}

	void complete(String actor, String note, Instant now) {
		move(Set.of(OrderState.IN_PROGRESS), OrderState.COMPLETED, "completed", actor, note, now);
		completionDate = now;
	}

	void completePartly(String actor, String note, Instant now) {
		requireNote(note);
		move(Set.of(OrderState.IN_PROGRESS), OrderState.PARTIAL, "completed partly", actor, note, now);
		completionDate = now;
	}

	void fail(String actor, String note, Instant now) {
		requireNote(note);
		move(Set.of(OrderState.IN_PROGRESS, OrderState.HELD), OrderState.FAILED, "failed", actor, note, now);
		completionDate = now;
	}

	// Started by the contracting company: a cancellation request from these is assessed by it.
	private static final Set<OrderState> ASSESSED_CANCELLATION = Set.of(OrderState.ACKNOWLEDGED,
			OrderState.IN_PROGRESS, OrderState.HELD);

	/** Whether the customer may still ask to cancel: the states {@link #requestCancellation} moves from. */
	public boolean cancellable() {
		return state == OrderState.PENDING_APPROVAL || ASSESSED_CANCELLATION.contains(state);
	}

	/**
	 * The customer asks to cancel. Before approval the Company has not seen the order, so it
	 * ends at once; afterwards the contracting company assesses the request.
	 */
	void requestCancellation(String actor, String note, Instant now) {
		if (state == OrderState.PENDING_APPROVAL) {
			move(Set.of(OrderState.PENDING_APPROVAL), OrderState.CANCELLED, "cancelled", actor, note, now);
			completionDate = now;
			return;
		}
		OrderState before = state;
		move(ASSESSED_CANCELLATION, OrderState.ASSESSING_CANCELLATION, "cancelled", actor, note, now);
		stateBeforeCancellation = before;
	}

	void acceptCancellation(String actor, String note, Instant now) {
		move(Set.of(OrderState.ASSESSING_CANCELLATION), OrderState.PENDING_CANCELLATION, "accepted for cancellation",
				actor, note, now);
	}

	/** The contracting company cannot cancel any more: the order goes back to where it was. */
	void declineCancellation(String actor, String note, Instant now) {
		requireNote(note);
		move(Set.of(OrderState.ASSESSING_CANCELLATION), stateBeforeCancellation, "refused cancellation", actor, note,
				now);
		stateBeforeCancellation = null;
	}

	void confirmCancellation(String actor, String note, Instant now) {
		move(Set.of(OrderState.PENDING_CANCELLATION), OrderState.CANCELLED, "cancelled", actor, note, now);
		completionDate = now;
	}

	/**
	 * The customer changes particulars of an order the contracting company has not started;
	 * its state stays. Requested dates lie ahead, and the completion not before the start.
	 *
	 * @return whether anything changed (an empty patch changes nothing and registers nothing)
	 */
	boolean amend(OrderPatch patch, String actor, Instant now) {
		if (patch.isEmpty()) {
			return false;
		}
		if (!AMENDABLE.contains(state)) {
			throw OrderRefusal.conflict("state", "An order that is " + state.code()
					+ " can no longer be changed: its contracting company has taken it on or ended it.");
		}
		Instant start = patch.has(OrderPatch.REQUESTED_START) ? patch.instant(OrderPatch.REQUESTED_START)
				: requestedStartDate;
		Instant completion = patch.has(OrderPatch.REQUESTED_COMPLETION)
				? patch.instant(OrderPatch.REQUESTED_COMPLETION) : requestedCompletionDate;
		for (String field : List.of(OrderPatch.REQUESTED_START, OrderPatch.REQUESTED_COMPLETION)) {
			if (patch.has(field) && patch.instant(field) != null && !patch.instant(field).isAfter(now)) {
				throw OrderRefusal.invalid(field, "Use a time that is still ahead.");
			}
		}
		if (start != null && completion != null && completion.isBefore(start)) {
			throw OrderRefusal.invalid(patch.has(OrderPatch.REQUESTED_COMPLETION) ? OrderPatch.REQUESTED_COMPLETION
					: OrderPatch.REQUESTED_START, "The requested completion cannot come before the requested start.");
		}
		if (patch.has(OrderPatch.DESCRIPTION)) {
			description = patch.text(OrderPatch.DESCRIPTION);
		}
		if (patch.has(OrderPatch.EXTERNAL_ID)) {
			externalId = patch.text(OrderPatch.EXTERNAL_ID);
		}
		if (patch.has(OrderPatch.NOTIFICATION_CONTACT)) {
			notificationContact = patch.text(OrderPatch.NOTIFICATION_CONTACT);
		}
		requestedStartDate = start;
		requestedCompletionDate = completion;
		patch.notes().forEach(text -> notes.add(new OrderNote(actor, now, text)));
		updatedAt = now;
		events.add(new OrderAmended(id, customerId, actor, patch.fields()));
		return true;
	}

	// Set before the move, so that the move's event tells the approver who decided.
	private void decidedBy(String approver, UUID account) {
		approvedBy = approver;
		approverAccount = account;
	}

	private void require(Set<OrderState> from, String verb) {
		if (!from.contains(state)) {
			throw OrderRefusal.illegalMove(state, verb);
		}
	}

	private void move(Set<OrderState> from, OrderState to, String verb, String actor, String note, Instant now) {
		require(from, verb);
		if (note != null && note.length() > MAX_NOTE) {
			throw OrderRefusal.invalid("note", "Use at most " + MAX_NOTE + " characters.").explained("too-long", MAX_NOTE);
		}
		OrderState previous = state;
		state = to;
		updatedAt = now;
		record(previous, to, actor, note, now);
	}

	private void record(OrderState from, OrderState to, String actor, String note, Instant now) {
		TimelineEntry entry = new TimelineEntry(timeline.size() + 1, now, to, actor, note == null ? "" : note.strip());
		timeline.add(entry);
		added.add(entry);
		List<UUID> approverAccounts = approverAccount != null ? List.of(approverAccount) : approvers;
		events.add(new OrderStateChanged(id, entry.seq(), customerId, relevantService, contractingCompany,
				from == null ? "" : from.code(), to.code(), actor, entry.note(), submittedBy, submitterAccount,
				approverAccounts));
	}

	private void requireOtherThanSubmitter(String approver) {
		if (submittedBy.equals(approver)) {
			throw OrderRefusal.forbidden("approver", "The submitter of an order cannot approve or refuse it.")
				.explained("own-order");
		}
	}

	private static void requireNote(String note) {
		if (note == null || note.isBlank()) {
			throw OrderRefusal.invalid("note", "Give a reason.").explained("reason-required");
		}
	}

	/** Approvers to notify while the order waits for them (not stored; set by the service before a move). */
	void notifyApprovers(List<UUID> accounts) {
		this.approvers = List.copyOf(accounts);
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	List<TimelineEntry> takeAddedTimeline() {
		List<TimelineEntry> taken = List.copyOf(added);
		added.clear();
		return taken;
	}

	public UUID id() {
		return id;
	}

	public UUID customerId() {
		return customerId;
	}

	public String relevantService() {
		return relevantService;
	}

	public String contractingCompany() {
		return contractingCompany;
	}

	public String description() {
		return description;
	}

	public List<OrderItem> items() {
		return items;
	}

	public boolean approvalRequired() {
		return approvalRequired;
	}

	public String submittedBy() {
		return submittedBy;
	}

	public Optional<UUID> submitterAccount() {
		return Optional.ofNullable(submitterAccount);
	}

	public Instant orderDate() {
		return orderDate;
	}

	public OrderState state() {
		return state;
	}

	Optional<OrderState> stateBeforeCancellation() {
		return Optional.ofNullable(stateBeforeCancellation);
	}

	public Optional<String> approvedBy() {
		return Optional.ofNullable(approvedBy);
	}

	Optional<UUID> approverAccount() {
		return Optional.ofNullable(approverAccount);
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Optional<Instant> completionDate() {
		return Optional.ofNullable(completionDate);
	}

	public List<TimelineEntry> timeline() {
		return List.copyOf(timeline);
	}

	/** The customer's own reference for the order, if it gave one. */
	public Optional<String> externalId() {
		return Optional.ofNullable(externalId).filter(e -> !e.isEmpty());
	}

	/** Whom the customer wants told about the order, if it named someone. */
	public Optional<String> notificationContact() {
		return Optional.ofNullable(notificationContact).filter(c -> !c.isEmpty());
	}

	public Optional<Instant> requestedStartDate() {
		return Optional.ofNullable(requestedStartDate);
	}

	public Optional<Instant> requestedCompletionDate() {
		return Optional.ofNullable(requestedCompletionDate);
	}

	/** Whether the customer gave any of the particulars it may amend, so that a page shows them. */
	public boolean hasParticulars() {
		return externalId().isPresent() || notificationContact().isPresent() || requestedStartDate != null
				|| requestedCompletionDate != null || !notes.isEmpty();
	}

	/** Notes the customer added after submitting, oldest first. */
	public List<OrderNote> notes() {
		return List.copyOf(notes);
	}
}
