package portal.customers.inventory;

/** Which page of a list to read: pages start at 0 and hold at most {@value #MAX_SIZE} rows. */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 200;

	public static final int DEFAULT_SIZE = 50;

	public Paging {
		if (page < 0) {
			throw InventoryRefusal.invalid("page", "The page number must not be negative.");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InventoryRefusal.invalid("size", "The page size must be between 1 and " + MAX_SIZE + ".");
		}
	}

	long offset() {
		return (long) page * size;
	}
}
