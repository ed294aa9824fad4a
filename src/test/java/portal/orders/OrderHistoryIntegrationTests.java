package portal.orders;

import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;
import portal.platform.TestPrincipals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The order history's filters, its CSV export and the order types' schema, in the API and the pages. */
@PortalIntegrationTest
class OrderHistoryIntegrationTests {

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

	OrderFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new OrderFixtures(mvc, customers, keys, tenancy, jdbc);
	}

	/** Three orders: o1 by the orderer on c1 in early October, o2 by a colleague on c2 late October, o3 by the orderer on c2 in November. */
	record History(OrderFixtures.Holder holder, String c2, Authentication colleague, String o1, String o2, String o3) {
	}

	History history(String name) throws Exception {
		var holder = fixtures.holder(name, "COMPANY");
		String c2 = fixtures.circuit(holder, "c2");
		Authentication colleague = TestPrincipals.customerUser("CP-COL-" + holder.customer().code(),
				holder.customer().id(), "ORDERER");
		String o1 = submit(holder.orderer(), holder.circuit(), "2026-10-05T03:00:00Z");
		String o2 = submit(colleague, c2, "2026-10-20T03:00:00Z");
		String o3 = submit(holder.orderer(), c2, "2026-11-03T03:00:00Z");
		return new History(holder, c2, colleague, o1, o2, o3);
	}

	@Test
	@DisplayName("R-7.7 the API lists orders filtered by relevant service, instance, submitter and period, alone and combined")
	void apiFilters() throws Exception {
		History h = history("hist-a");
		Authentication reader = h.holder().orderer();
		list(reader).andExpect(jsonPath("$.total").value(3));
		list(reader, "relevantService", "arcstar-universal-one").andExpect(ids(h.o1(), h.o2(), h.o3()));
		list(reader, "relevantService", "ocn-for-business").andExpect(jsonPath("$.total").value(0));
		list(reader, "instanceId", h.c2()).andExpect(ids(h.o2(), h.o3()));
		list(reader, "instanceId", h.holder().circuit()).andExpect(ids(h.o1()));
		list(reader, "submittedBy", "CP-COL-" + h.holder().customer().code()).andExpect(ids(h.o2()));
		list(reader, "from", "2026-10-20T00:00:00Z").andExpect(ids(h.o2(), h.o3()));
		list(reader, "to", "2026-10-20T03:00:00Z").andExpect(ids(h.o1()));
		list(reader, "from", "2026-10-01T00:00:00Z", "to", "2026-11-01T00:00:00Z").andExpect(ids(h.o1(), h.o2()));
		list(reader, "instanceId", h.c2(), "submittedBy", "CP-ORD-" + h.holder().customer().code(), "from",
				"2026-11-01T00:00:00Z").andExpect(ids(h.o3()));
		list(reader, "instanceId", h.c2(), "submittedBy", "CP-ORD-" + h.holder().customer().code(), "to",
				"2026-11-01T00:00:00Z").andExpect(jsonPath("$.total").value(0));

		list(reader, "from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields", hasKey("from")));
		list(reader, "to", "yesterday").andExpect(status().isBadRequest());
	}

	@Test
	@DisplayName("R-7.7 the history page filters by instance, submitter and days (the to day included), and a bad to date is reported beside the to field")
	void pageFilters() throws Exception {
		History h = history("hist-b");
		Authentication reader = h.holder().orderer();
		page(reader, "instanceId", h.c2()).andExpect(content().string(allOf(containsString(h.o2()),
				containsString(h.o3()), not(containsString(h.o1())))));
		page(reader, "submittedBy", "CP-COL-" + h.holder().customer().code())
			.andExpect(content().string(allOf(containsString(h.o2()), not(containsString(h.o1())),
					not(containsString(h.o3())))));
		page(reader, "relevantService", "ocn-for-business").andExpect(content().string(not(containsString(h.o1()))));
		page(reader, "from", "2026-10-06", "to", "2026-10-20").andExpect(content().string(allOf(
				containsString(h.o2()), not(containsString(h.o1())), not(containsString(h.o3())))));
		page(reader, "instanceId", h.c2(), "submittedBy", "CP-ORD-" + h.holder().customer().code(), "from",
				"2026-10-06").andExpect(content().string(allOf(containsString(h.o3()), not(containsString(h.o2())))));

		page(reader, "to", "2026-13-45").andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"f-to-error\""),
					not(containsString("id=\"f-from-error\"")), containsString("aria-describedby=\"f-to-error\""),
					not(containsString(h.o1())))));
		page(reader, "from", "2026-11-02", "to", "2026-11-01")
			.andExpect(content().string(containsString("id=\"f-from-error\"")));
		mvc.perform(get("/app/orders").param("to", "2026-13-45").header("HX-Request", "true")
			.with(authentication(reader)))
			.andExpect(content().string(allOf(not(containsString("<html")), containsString("role=\"alert\""))));
	}

	@Test
	@DisplayName("R-7.7 R-23 the orders pages render in Japanese with the Japanese state labels, and a refusal shown on a page is in Japanese")
	void japanesePages() throws Exception {
		History h = history("hist-c");
		Authentication reader = h.holder().orderer();
		page(reader, "lang", "ja").andExpect(content().string(allOf(containsString("lang=\"ja\""),
				containsString("注文の絞り込み"), containsString("受付済み"), containsString("注文者"))));
		mvc.perform(get("/app/orders/{id}", h.o1()).param("lang", "ja").with(authentication(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("受付済み"), containsString("経過"))));
		mvc.perform(get("/app/orders/new").param("instanceId", h.holder().circuit()).param("type", "change-bandwidth")
			.param("lang", "ja").with(authentication(reader)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("変更後の帯域（Mbps）")));
		page(reader, "to", "2026-13-45", "lang", "ja")
			.andExpect(content().string(containsString("2026-12-01 のような形式で日付を入力してください。")));

		// The submitter approving their own order is refused; the page says so in Japanese.
		var admin = TestPrincipals.customerUser("CP-ORD-" + h.holder().customer().code(), h.holder().customer().id(),
				"ADMINISTRATOR");
		fixtures.asSystem(() -> jdbc.sql("UPDATE orders.service_orders SET state = 'pendingApproval' WHERE id = ?")
			.param(UUID.fromString(h.o1())).update());
		var flash = mvc.perform(post("/app/orders/{id}/approval", h.o1()).with(csrf()).with(authentication(admin))
			.param("decision", "approve").param("lang", "ja")).andExpect(status().is3xxRedirection())
			.andReturn().getFlashMap();
		assertThat(flash.get("refusal")).isEqualTo("注文した本人は、その注文を承認・却下できません。");
		var english = mvc.perform(post("/app/orders/{id}/approval", h.o1()).with(csrf()).with(authentication(admin))
			.param("decision", "approve").param("lang", "en")).andReturn().getFlashMap();
		assertThat(english.get("refusal")).isEqualTo("The submitter of an order cannot approve or refuse it.");
	}

	@Test
	@DisplayName("R-7.7 the CSV export quotes cells a spreadsheet would run as formulas and follows the filters")
	void exportGuardsFormulas() throws Exception {
		History h = history("hist-d");
		Authentication reader = h.holder().orderer();
		fixtures.asSystem(() -> jdbc.sql("UPDATE orders.service_orders SET description = ? WHERE id = ?")
			.params("=HYPERLINK(\"http://evil.example\",\"x\")", UUID.fromString(h.o1())).update());
		fixtures.asSystem(() -> jdbc.sql("UPDATE orders.service_orders SET description = ? WHERE id = ?")
			.params("@SUM(1+1)", UUID.fromString(h.o2())).update());
		String csv = mvc.perform(get("/app/orders.csv").with(authentication(reader))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("'=HYPERLINK(").contains("'@SUM(1+1)").doesNotContain(",=HYPERLINK")
			.doesNotContain(",\"=HYPERLINK");
		assertThat(csv.lines().count()).isEqualTo(4);
		String filtered = mvc.perform(get("/app/orders.csv").param("instanceId", h.c2()).with(authentication(reader)))
			.andReturn().getResponse().getContentAsString();
		assertThat(filtered).contains(h.o2(), h.o3()).doesNotContain(h.o1());
	}

	@Test
	@DisplayName("R-7.7 the CSV export holds every order, past the former 10,000-row cap and across its read batches")
	void exportHasEveryRow() throws Exception {
		History h = history("hist-e");
		// Copies of o1 with new ids, so that the export has more rows than any one batch or the old cap.
		fixtures.asSystem(() -> jdbc.sql("""
				INSERT INTO orders.service_orders (id, customer_id, relevant_service, contracting_company, description,
				  items, state, approval_required, submitted_by, submitter_account, order_date, updated_at)
				SELECT gen_random_uuid(), customer_id, relevant_service, contracting_company, 'copy ' || n, items, state,
				  approval_required, submitted_by, submitter_account, order_date - n * interval '1 minute', updated_at
				FROM orders.service_orders, generate_series(1, 10000) AS n WHERE id = ?""")
			.param(UUID.fromString(h.o1())).update());
		String csv = mvc.perform(get("/app/orders.csv").with(authentication(h.holder().orderer())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().count()).isEqualTo(1 + 10_003);
		assertThat(csv.lines().skip(1).map(line -> line.substring(0, 36)).distinct().count()).isEqualTo(10_003);
	}

	@Test
	@DisplayName("R-7.7 the order types' schema is generated from the descriptor: types, parameters, allowed values, ranges, lengths and the instance's current values")
	void orderTypesSchema() throws Exception {
		var holder = fixtures.holder("hist-f", "COMPANY");
		Authentication reader = holder.orderer();
		String change = "$[?(@.key == 'change-bandwidth')]";
		mvc.perform(get("/api/v1/orders/order-types").param("instanceId", holder.circuit()).with(authentication(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].key", hasItem("change-bandwidth")))
			.andExpect(jsonPath("$[*].key", not(hasItem("add"))))
			.andExpect(jsonPath(change + ".action", hasItem("modify")))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'bandwidthMbps')].type", hasItem("enum")))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'bandwidthMbps')].required", hasItem(true)))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'bandwidthMbps')].name",
					hasItem("New bandwidth (Mbit/s)")))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'bandwidthMbps')].allowedValues[*]",
					hasItem("10000")))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'bandwidthMbps')].currentValue", hasItem(100)))
			.andExpect(jsonPath(change + ".parameters[?(@.key == 'effectiveDate')].type", hasItem("date")));

		String add = "$[?(@.key == 'add')]";
		mvc.perform(get("/api/v1/orders/order-types").param("relevantService", "arcstar-universal-one")
			.cookie(new jakarta.servlet.http.Cookie("portal-lang", "ja")).with(authentication(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(add + ".onContract", hasItem(true)))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'bandwidthMbps')].type", hasItem("integer")))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'bandwidthMbps')].minimum", hasItem(1)))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'bandwidthMbps')].maximum", hasItem(100000)))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'circuitId')].maxLength", hasItem(32)))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'circuitId')].pattern",
					hasItem("[A-Z0-9][A-Z0-9-]{3,31}")))
			.andExpect(jsonPath(add + ".parameters[?(@.key == 'bandwidthMbps')].name", hasItem("帯域（Mbps）")));
		mvc.perform(get("/api/v1/orders/order-types").param("relevantService", "teleportation")
			.with(authentication(reader)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields", hasKey("relevantService")));
		mvc.perform(get("/api/v1/orders/order-types").param("instanceId", "NO-SUCH-INSTANCE")
			.with(authentication(reader)))
			.andExpect(status().isNotFound());
	}

	private String submit(Authentication user, String instance, String at) throws Exception {
		String body = mvc.perform(post("/api/v1/orders").with(csrf()).with(authentication(user))
			.contentType(MediaType.APPLICATION_JSON).content(OrderFixtures.bandwidthChange(instance, "200")))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		fixtures.asSystem(() -> jdbc.sql("UPDATE orders.service_orders SET order_date = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.parse(at)), UUID.fromString(id)).update());
		return id;
	}

	private ResultActions list(Authentication user, String... params) throws Exception {
		return mvc.perform(with(get("/api/v1/orders"), params).with(authentication(user)));
	}

	private ResultActions page(Authentication user, String... params) throws Exception {
		return mvc.perform(with(get("/app/orders"), params).with(authentication(user))).andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, String... params) {
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	private static org.springframework.test.web.servlet.ResultMatcher ids(String... ids) {
		return result -> {
			jsonPath("$.total").value(ids.length).match(result);
			jsonPath("$.items[*].id", containsInAnyOrder((Object[]) ids)).match(result);
		};
	}
}
