package portal.orders.ordering;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.retention.CustomerErasure;

/**
 * The orders module's share of erasing a terminated customer's data: its orders with
 * their timelines, and its approval policy. The audit trail keeps each order's state changes.
 */
@Component
class OrdersRetention implements CustomerErasure {

	private final JdbcClient jdbc;

	OrdersRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String part() {
		return "orders";
	}

	@Override
	public long erase(UUID customerId) {
		long rows = jdbc.sql("DELETE FROM orders.order_events WHERE customer_id = ?").param(customerId).update();
		rows += jdbc.sql("DELETE FROM orders.service_orders WHERE customer_id = ?").param(customerId).update();
		rows += jdbc.sql("DELETE FROM orders.approval_policies WHERE customer_id = ?").param(customerId).update();
		return rows;
	}
}
