package portal.orders;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.TestClockConfiguration;
import portal.orders.ordering.OrderState;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's orders, seeded as a demo start seeds them on a fresh database of its own. The
 * orders seeder refuses to skip an instance it expects, so a demo that lost one fails here.
 */
@SpringBootTest(properties = "portal.demo=true")
@Import(TestClockConfiguration.class)
class OrdersDemoIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Test
	@DisplayName("R-7.7 the demo has orders in every state, across several relevant services, for both demo customers")
	void everyStateAcrossServicesAndCustomers() {
		List<Map<String, Object>> orders = tenancy.call(Actor.job("demo-test"), TenantScope.system(), () -> jdbc
			.sql("""
					SELECT c.code AS customer, o.relevant_service AS service, o.state AS state
					FROM orders.service_orders o JOIN customers.customers c ON c.id = o.customer_id""")
			.query().listOfRows());

		assertThat(orders).extracting(o -> o.get("state")).containsAll(OrderState.codes());
		assertThat(orders).extracting(o -> o.get("customer")).contains("C-0001", "C-0002");
		assertThat(orders.stream().map(o -> o.get("service")).distinct().count()).isGreaterThanOrEqualTo(5);
		for (String customer : List.of("C-0001", "C-0002")) {
			assertThat(orders.stream().filter(o -> o.get("customer").equals(customer)).map(o -> o.get("service"))
				.distinct().count()).as("relevant services with orders of " + customer).isGreaterThanOrEqualTo(2);
		}
		long timelines = tenancy.call(Actor.job("demo-test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(DISTINCT order_id) FROM orders.order_events").query(Long.class).single());
		assertThat(timelines).isEqualTo(orders.size());
	}
}
