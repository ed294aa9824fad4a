package portal.orders.api;

/** A reason or remark attached to a move of an order. */
record NoteRequest(String note) {

	String text() {
		return note == null ? "" : note;
	}
}
