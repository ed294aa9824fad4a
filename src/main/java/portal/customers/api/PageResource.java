package portal.customers.api;

import java.util.List;
import java.util.function.Function;

import portal.customers.inventory.InventoryPage;

/** One page of a list over JSON; {@code total} counts the whole list. */
record PageResource<T>(List<T> items, int page, int size, long total) {

	static <R, T> PageResource<T> of(InventoryPage<R> page, Function<R, T> mapping) {
		return new PageResource<>(page.items().stream().map(mapping).toList(), page.page(), page.size(), page.total());
	}
}
