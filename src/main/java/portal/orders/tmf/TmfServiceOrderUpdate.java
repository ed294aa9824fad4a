package portal.orders.tmf;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a merge patch of a service order, for the OpenAPI document only: the request is
 * read as a plain map, since a merge patch tells a field set to null from a field left out.
 */
@Schema(name = "ServiceOrder_Update", description = "Merge patch (RFC 7396) of what a customer may change while "
		+ "the order is acknowledged or pendingApproval; any other field is refused (400) and an order already "
		+ "inProgress or ended refuses every change (409). Null clears a field. Or send state cancelled, alone or "
		+ "with cancellationReason, to ask for its cancellation.")
record TmfServiceOrderUpdate(@Schema(description = "Free text, at most 2000 characters") String description,
		@Schema(description = "The customer's own reference, at most 100 characters") String externalId,
		@Schema(description = "Whom to tell about the order, at most 200 characters") String notificationContact,
		@Schema(description = "When the work should start; ahead of now") Instant requestedStartDate,
		@Schema(description = "When the work should be done; not before requestedStartDate") Instant requestedCompletionDate,
		@Schema(description = "Notes to add (at most 10); notes are never removed") List<NoteToAdd> note,
		@Schema(description = "Only cancelled, and only with cancellationReason beside it",
				allowableValues = "cancelled") String state,
		@Schema(description = "Why the customer asks for cancellation") String cancellationReason) {

	@Schema(name = "ServiceOrderNote_Update")
	record NoteToAdd(@Schema(description = "At most 2000 characters", requiredMode = Schema.RequiredMode.REQUIRED)
	String text) {
	}
}
