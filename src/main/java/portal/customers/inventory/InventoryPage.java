package portal.customers.inventory;

import java.util.List;

/** One page of a list and how many rows the whole list has. */
public record InventoryPage<T>(List<T> items, int page, int size, long total) {

	public InventoryPage {
		items = List.copyOf(items);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}
}
