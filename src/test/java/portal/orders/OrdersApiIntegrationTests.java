package portal.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.orders.events.OrderStateChanged;
import portal.orders.ordering.NewOrder;
import portal.orders.ordering.Ordering;
import portal.orders.ordering.Submitted;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@RecordApplicationEvents
class OrdersApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ordering ordering;

	@Autowired
	ApplicationEvents events;

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(mvc, customers, keys, tenancy, jdbc);
	}

	@Test
	@DisplayName("R-7.7 an orderer submits a bandwidth change; Company staff start and complete it; the circuit has the new bandwidth; every step is audited")
	void submitAndFulfil() throws Exception {
		var holder = fixtures.holder("alpha", "COMPANY");
		String id = submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"), null)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("acknowledged"))
			.andExpect(jsonPath("$.items[0].action").value("modify"))
			.andExpect(jsonPath("$.contractingCompany").value("COMPANY"))
			.andReturn().getResponse().getContentAsString().transform(body -> JsonPath.read(body, "$.id"));

		Authentication staff = TestPrincipals.staff("ST-FUL-1", "SERVICE_MANAGER");
		mvc.perform(get("/api/v1/console/orders").param("state", "acknowledged").with(csrf()).with(authentication(staff)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(id)));
		move(staff, id, "inProgress", "").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("inProgress"));
		move(staff, id, "completed", "done").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("completed"))
			.andExpect(jsonPath("$.timeline[*].state", contains("acknowledged", "inProgress", "completed")));

		mvc.perform(get("/api/v1/service-instances/{id}", holder.circuit()).with(csrf()).with(authentication(holder.orderer())))
			.andExpect(jsonPath("$.attributes.bandwidthMbps").value(200));
		assertThat(fixtures.count("SELECT count(*) FROM audit.entries WHERE target_id = ? AND action LIKE 'order.%'",
				id)).isEqualTo(3);
		assertThat(events.stream(OrderStateChanged.class).filter(e -> e.orderId().toString().equals(id)))
			.extracting(OrderStateChanged::to).containsExactly("acknowledged", "inProgress", "completed");

		mvc.perform(post("/api/v1/orders/{id}/cancel", id).with(csrf()).with(authentication(holder.orderer())))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.fields", hasKey("state")));
	}

	@Test
	@DisplayName("R-7.7 a value outside the descriptor's rules or an unknown order type is refused naming the field; nothing is written")
	void refusesBadInput() throws Exception {
		var holder = fixtures.holder("beta", "COMPANY");
		long before = fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id());
		submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "300"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields", hasKey("items[0].parameters.bandwidthMbps")));
		submit(holder.orderer(), """
				{"items": [{"orderType": "teleport", "instanceId": "%s", "parameters": {}}]}"""
			.formatted(holder.circuit()), null)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields", hasKey("items[0].orderType")));
		submit(holder.orderer(), """
				{"items": [{"orderType": "add-site", "instanceId": "%s", "parameters": {"bandwidthMbps": 0}}]}"""
			.formatted(holder.circuit()), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields", hasKey("items[0].parameters.bandwidthMbps")))
			.andExpect(jsonPath("$.fields", hasKey("items[0].parameters.siteName")));
		submit(holder.orderer(), "{\"items\": [", null).andExpect(status().isBadRequest());
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isEqualTo(before);
	}

	@Test
	@DisplayName("R-7.5 R-7.2 ordering on another customer's instance or one outside the user's limit is refused; orders of one customer are invisible to another")
	void tenantsAndLimits() throws Exception {
		var a = fixtures.holder("gamma", "COMPANY");
		var b = fixtures.holder("delta", "COMPANY");
		submit(b.orderer(), OrderFixtures.bandwidthChange(a.circuit(), "200"), null)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields", hasKey("items[0].instanceId")));
		var limited = TestPrincipals.limitedCustomerUser("CP-LIM-" + a.customer().code(), a.customer().id(),
				Set.of("arcstar-ip-voice"), "ORDERER");
		submit(limited, OrderFixtures.bandwidthChange(a.circuit(), "200"), null)
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields", hasKey("items[0].instanceId")));

		String id = id(submit(a.orderer(), OrderFixtures.bandwidthChange(a.circuit(), "200"), null));
		mvc.perform(get("/api/v1/orders/{id}", id).with(csrf()).with(authentication(b.orderer()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/orders").with(csrf()).with(authentication(b.orderer()))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/orders/{id}", id).with(csrf()).with(authentication(limited))).andExpect(status().isNotFound());
		long seenByOther = tenancy.call(new Tenancy.Context(Actor.user("CP-RLS"), TenantScope.customer(b.customer().id()),
				"test"), () -> jdbc.sql("SELECT count(*) FROM orders.service_orders o JOIN orders.order_events e"
						+ " ON e.order_id = o.id WHERE o.customer_id = ?")
					.param(a.customer().id()).query(Long.class).single());
		assertThat(seenByOther).as("row-level security hides another customer's orders").isZero();
		mvc.perform(get("/api/v1/orders").param("state", "acknowledged").with(csrf()).with(authentication(a.orderer())))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/orders").param("state", "bogus").with(csrf()).with(authentication(a.orderer())))
			.andExpect(status().isBadRequest());
	}

	@Test
	@DisplayName("R-7.7 the same Idempotency-Key and body answer the same order; another body with that key is refused with 409")
	void idempotency() throws Exception {
		var holder = fixtures.holder("epsilon", "COMPANY");
		String first = id(submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"), "k-1")
			.andExpect(status().isCreated()));
		submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"), "k-1")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(first))
			.andExpect(header().string("Idempotent-Replayed", "true"));
		submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "500"), "k-1")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.fields", hasKey("Idempotency-Key")));
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.7 eight threads submitting with one Idempotency-Key create exactly one order")
	void idempotencyUnderConcurrency() throws Exception {
		var holder = fixtures.holder("zeta", "COMPANY");
		NewOrder order = new NewOrder("", List.of(new NewOrder.Item("change-bandwidth", holder.circuit(), "",
				java.util.Map.of("bandwidthMbps", "200", "effectiveDate", "2026-12-10"))));
		Tenancy.Context context = new Tenancy.Context(Actor.user("CP-ORD-" + holder.customer().code()),
				TenantScope.customer(holder.customer().id()), "test");
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Submitted>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<Submitted> submit = () -> {
					start.await();
					return tenancy.call(context, () -> ordering.submit(order, Optional.of("double-click")));
				};
				answers.add(pool.submit(submit));
			}
			start.countDown();
			List<UUID> ids = new ArrayList<>();
			int created = 0;
			for (Future<Submitted> answer : answers) {
				Submitted submitted = answer.get();
				ids.add(submitted.order().id());
				created += submitted.created() ? 1 : 0;
			}
			assertThat(Set.copyOf(ids)).hasSize(1);
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(fixtures.count("SELECT count(*) FROM orders.service_orders WHERE customer_id = ?",
				holder.customer().id())).isEqualTo(1);
	}

	@Test
	@DisplayName("R-7.7 with an approval policy an order waits; the submitter cannot approve it; an administrator approves with a note")
	void approval() throws Exception {
		var holder = fixtures.holder("eta", "COMPANY");
		mvc.perform(put("/api/v1/orders/approval-policy").with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"allOrders\": true}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/orders/approval-policy").with(csrf()).with(authentication(holder.administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"allOrders\": false, \"orderTypes\": [\"arcstar-universal-one:change-bandwidth\"]}"))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/orders/approval-policy").with(csrf()).with(authentication(holder.administrator()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"orderTypes\": [\"arcstar-universal-one:teleport\"]}"))
			.andExpect(status().isBadRequest());

		String id = id(submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"), null)
			.andExpect(jsonPath("$.state").value("pendingApproval")));
		var selfApproving = TestPrincipals.customerUser("CP-ORD-" + holder.customer().code(), holder.customer().id(),
				"ADMINISTRATOR");
		approve(selfApproving, id, "approve", "ok").andExpect(status().isForbidden());
		approve(holder.administrator(), id, "refuse", "").andExpect(status().isBadRequest());
		approve(holder.administrator(), id, "approve", "Budget agreed").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("inProgress"))
			.andExpect(jsonPath("$.approvedBy").value("CP-ADM-" + holder.customer().code()))
			.andExpect(jsonPath("$.timeline[2].note").value("Budget agreed"));

		String fault = id(submit(holder.orderer(), """
				{"items": [{"orderType": "report-fault", "instanceId": "%s", "parameters": {"symptom": "slow",
				 "occurredOn": "2026-11-29", "details": "Slow since yesterday"}}]}""".formatted(holder.circuit()), null)
			.andExpect(jsonPath("$.state").value("acknowledged")).andExpect(jsonPath("$.items[0].action")
				.value("noChange")));
		assertThat(fault).isNotEqualTo(id);
	}

	@Test
	@DisplayName("R-7.7 a system key moves orders on its own company's contracts only; staff of an affiliate see only its queue")
	void fulfilmentByTheContractingCompany() throws Exception {
		var affiliate = fixtures.holder("theta", "NTT-SINGAPORE");
		var company = fixtures.holder("iota", "COMPANY");
		String affiliateOrder = id(submit(affiliate.orderer(), OrderFixtures.bandwidthChange(affiliate.circuit(), "200"),
				null));
		String companyOrder = id(submit(company.orderer(), OrderFixtures.bandwidthChange(company.circuit(), "200"),
				null));

		systemMove(affiliate.key(), companyOrder, "inProgress").andExpect(status().isNotFound());
		systemMove(affiliate.key(), affiliateOrder, "inProgress").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("inProgress"));
		systemMove(affiliate.key(), affiliateOrder, "teleported").andExpect(status().isBadRequest());
		systemMove(affiliate.key(), affiliateOrder, "completed").andExpect(status().isOk());
		mvc.perform(get("/api/v1/service-instances/{id}", affiliate.circuit())
			.with(csrf()).with(authentication(affiliate.orderer()))).andExpect(jsonPath("$.attributes.bandwidthMbps").value(200));

		Authentication companyStaff = TestPrincipals.staff("ST-FUL-2", "DESK");
		move(companyStaff, affiliateOrder, "inProgress", "").andExpect(status().isNotFound());
		move(companyStaff, companyOrder, "rejected", "").andExpect(status().isBadRequest());
		move(companyStaff, companyOrder, "rejected", "Circuit under migration").andExpect(status().isOk());
		mvc.perform(get("/api/v1/console/orders").with(csrf()).with(authentication(TestPrincipals.staff("ST-PUB", "PUBLISHER"))))
			.andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("R-7.7 a cancellation while the Company works on the order is assessed, then confirmed")
	void cancellation() throws Exception {
		var holder = fixtures.holder("kappa", "COMPANY");
		String id = id(submit(holder.orderer(), OrderFixtures.bandwidthChange(holder.circuit(), "200"), null));
		Authentication staff = TestPrincipals.staff("ST-FUL-3", "SERVICE_MANAGER");
		move(staff, id, "inProgress", "").andExpect(status().isOk());
		mvc.perform(post("/api/v1/orders/{id}/cancel", id).with(csrf()).with(authentication(holder.orderer()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"Project postponed\"}"))
			.andExpect(jsonPath("$.state").value("assessingCancellation"));
		move(staff, id, "pendingCancellation", "").andExpect(jsonPath("$.state").value("pendingCancellation"));
		move(staff, id, "cancelled", "").andExpect(jsonPath("$.state").value("cancelled"));
	}

	private ResultActions submit(Authentication user, String body, String key) throws Exception {
		var request = post("/api/v1/orders").with(csrf()).with(authentication(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	private ResultActions move(Authentication staff, String id, String state, String note) throws Exception {
		return mvc.perform(post("/api/v1/console/orders/{id}/moves", id).with(csrf()).with(authentication(staff))
			.contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"%s\", \"note\": \"%s\"}".formatted(state,
					note)));
	}

	private ResultActions approve(Authentication user, String id, String decision, String note) throws Exception {
		return mvc.perform(post("/api/v1/orders/{id}/approval", id).with(csrf()).with(authentication(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\": \"%s\", \"note\": \"%s\"}".formatted(decision, note)));
	}

	private ResultActions systemMove(String key, String id, String state) throws Exception {
		return mvc.perform(patch("/api/v1/system/orders/{id}", id).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"%s\"}".formatted(state)));
	}

	private static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}
}
