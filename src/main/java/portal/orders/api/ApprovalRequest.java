package portal.orders.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** An administrator's decision on an order waiting for approval. */
record ApprovalRequest(@Schema(allowableValues = { "approve", "refuse" }) String decision,
		@Schema(description = "Required when refusing") String note) {
}
