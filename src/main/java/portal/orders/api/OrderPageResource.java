package portal.orders.api;

import java.util.List;

import portal.orders.ordering.OrderPage;

/** One page of orders over JSON; {@code total} counts every order that matched. */
record OrderPageResource(List<OrderResource> items, int page, int size, long total) {

	static OrderPageResource of(OrderPage page, int pageNumber) {
		return new OrderPageResource(page.orders().stream().map(OrderResource::of).toList(), pageNumber, page.limit(),
				page.total());
	}
}
