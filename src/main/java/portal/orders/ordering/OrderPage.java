package portal.orders.ordering;

import java.util.List;

/** A page of orders, newest first, with the total that matched. */
public record OrderPage(List<ServiceOrder> orders, int offset, int limit, long total) {

	public OrderPage {
		orders = List.copyOf(orders);
	}
}
