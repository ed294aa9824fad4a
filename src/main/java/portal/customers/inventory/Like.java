package portal.customers.inventory;

/** Turns search text into a LIKE pattern in which the text's own % and _ match literally. */
final class Like {

	private Like() {
	}

	static String containing(String text) {
		String escaped = text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
