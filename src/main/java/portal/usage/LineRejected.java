package portal.usage;

/** A line that is not a valid sample; carries the field at fault. Control flow of the parser, without a stack trace. */
final class LineRejected extends Exception {

	private static final long serialVersionUID = 1L;

	private final String field;

	LineRejected(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	String field() {
		return field;
	}
}
