package portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import portal.identity.AccountFixtures;
import portal.identity.Role;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;
import portal.terms.Terms;
import org.springframework.web.context.support.ServletContextResource;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the portal does with hostile HTTP: foreign origins, forged intermediary headers,
 * redirect targets, polluted and double-encoded parameters, header injection, huge numbers.
 * The rows of the ASVS map (docs/security/asvs.md) cite these tests.
 */
@PortalIntegrationTest
@DisplayName("R-20.2 Hostile requests get the safe answer (ASVS map)")
class SecurityHeadersAndInputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Terms terms;

	@Autowired
	org.springframework.context.ApplicationContext context;

	UUID customer;

	Authentication administrator;

	@BeforeEach
	void customer() {
		customer = UUID.randomUUID();
		administrator = TestPrincipals.customerUser("CP-ADM-" + customer.toString().substring(0, 8), customer,
				"ADMINISTRATOR");
	}

	@Test
	@DisplayName("R-20.2 ASVS 3.4.2 a foreign origin gets no CORS grant from pages or the API, and its preflight is refused")
	void foreignOriginsGetNoCorsGrant() throws Exception {
		for (String path : List.of("/", "/sign-in", "/app", "/api/v1/audit", "/v3/api-docs")) {
			MockHttpServletResponse answer = mvc.perform(get(path).header(HttpHeaders.ORIGIN, "https://evil.example")
				.with(authentication(administrator))).andReturn().getResponse();
			assertThat(answer.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).isNull();
			assertThat(answer.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).as(path).isNull();
			MockHttpServletResponse preflight = mvc.perform(options(path)
				.header(HttpHeaders.ORIGIN, "https://evil.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type, X-CSRF-TOKEN"))
				.andReturn().getResponse();
			assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as("preflight " + path).isNull();
			assertThat(preflight.getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).as("preflight " + path).isNull();
		}
	}

	@Test
	@DisplayName("R-20.2 ASVS 3.7.2 after sign-in a redirect parameter naming another host is ignored, and the saved page is the portal's own")
	void signInRedirectsStayOnThePortal() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		MvcResult answer = mvc.perform(post("/sign-in").param("username", user.loginId())
			.param("password", user.password()).param("code", fixtures.nextCode(user))
			.param("continue", "https://evil.example/").param("redirect", "https://evil.example/")
			.param("redirect_uri", "//evil.example/").param("next", "https://evil.example/")
			.param("returnTo", "https://evil.example/").param("spring-security-redirect", "https://evil.example/")
			.param("targetUrl", "https://evil.example/").with(csrf())).andReturn();
		assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/app");

		// A page asked for before sign-in is saved and is where sign-in lands: on the portal's own host.
		MvcResult asked = mvc.perform(get("/app/users").queryParam("next", "https://evil.example/")).andReturn();
		assertThat(asked.getResponse().getRedirectedUrl()).endsWith("/sign-in");
		Cookie pending = asked.getResponse().getCookie("PORTAL_SESSION");
		assertThat(pending).as("the session keeping the saved request").isNotNull();
		String landed = mvc.perform(post("/sign-in").cookie(pending).param("username", user.loginId())
			.param("password", user.password()).param("code", fixtures.nextCode(user))
			.param("continue", "https://evil.example/").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(landed).startsWith("http://localhost/app/users");
		assertThat(java.net.URI.create(landed).getHost()).isEqualTo("localhost");

		// Signing out, language changes and refusals all stay on the portal.
		Cookie session = fixtures.signIn(mvc, user);
		String out = mvc.perform(post("/sign-out").cookie(session).param("continue", "https://evil.example/")
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(out).startsWith("/").doesNotStartWith("//");
	}

	@Test
	@DisplayName("R-20.2 ASVS 4.1.3 15.3.4 X-Forwarded-* headers do not change the client address audited nor the host redirected to")
	void forwardedHeadersAreIgnored() throws Exception {
		String socket = "192.0.2." + (1 + (int) (Math.abs(customer.getLeastSignificantBits()) % 250));
		String loginId = portal.identity.accounts.LoginIds.issue(false,
				9_000_000 + Math.abs(customer.getMostSignificantBits() % 999_999));
		mvc.perform(post("/sign-in").with(from(socket)).header("X-Forwarded-For", "203.0.113.77")
			.header("X-Real-IP", "203.0.113.78").header("Forwarded", "for=203.0.113.79;host=evil.example;proto=https")
			.header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
			.param("username", loginId).param("password", "wrong").param("code", "000000").with(csrf()))
			.andReturn();
		List<String> origins = tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT origin FROM audit.entries WHERE action = 'sign-in.failed' AND target_id = ?").param(loginId)
			.query(String.class).list());
		assertThat(origins).containsExactly(socket);

		MockHttpServletResponse redirect = mvc.perform(get("/app").header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "8443")
			.header("Forwarded", "host=evil.example;proto=https")).andReturn().getResponse();
		assertThat(redirect.getRedirectedUrl()).isNotNull().doesNotContain("evil.example").doesNotStartWith("https:");
	}

	@Test
	@DisplayName("R-20.2 ASVS 5.4.1 5.4.2 CSV exports name their file on the server, whatever the request says")
	void exportsNameTheirOwnFiles() throws Exception {
		MockHttpServletResponse orders = mvc.perform(get("/app/orders.csv")
			.param("filename", "../../etc/passwd").param("name", "evil\".sh")
			.header("Content-Disposition", "attachment; filename=\"evil.sh\"").with(authentication(administrator)))
			.andReturn().getResponse();
		assertThat(orders.getStatus()).isEqualTo(200);
		assertThat(orders.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"orders.csv\"");
		MockHttpServletResponse usage = mvc.perform(get("/api/v1/usage/export").param("series", "1")
			.param("from", "2026-11-30T08:00:00Z").param("to", "2026-11-30T08:15:00Z").param("step", "5m")
			.param("filename", "..\\..\\evil.bat").with(authentication(administrator))).andReturn().getResponse();
		if (usage.getStatus() == 200) {
			assertThat(usage.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"usage.csv\"");
		}
		else {
			assertThat(usage.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
		}
	}

	@Test
	@DisplayName("R-20.2 ASVS 13.4.3 folders of static files answer 404, never a listing")
	void noDirectoryListings() throws Exception {
		for (String path : List.of("/webjars/", "/css/", "/js/", "/images/", "/static/", "/templates/", "/META-INF/",
				"/assets/../")) {
			MockHttpServletResponse answer = mvc.perform(get(path).with(authentication(administrator))).andReturn()
				.getResponse();
			assertThat(answer.getStatus()).as(path).isIn(400, 403, 404);
			assertThat(answer.getContentAsString()).as(path).doesNotContain("portal.js", "portal.css", "htmx.min.js",
					"Index of", "Directory Listing");
		}
		// The folders under /assets/ are resolved where the server finds its static files. MockMvc's servlet
		// context also answers from the class path and would read a folder; a real server's document root
		// is an empty directory, so the class-path locations are what decide.
		SimpleUrlHandlerMapping mapping = context.getBean("resourceHandlerMapping", SimpleUrlHandlerMapping.class);
		ResourceHttpRequestHandler assets = (ResourceHttpRequestHandler) mapping.getUrlMap().get("/assets/**");
		List<Resource> locations = assets.getLocations().stream()
			.filter(location -> !(location instanceof ServletContextResource)).toList();
		assertThat(locations).isNotEmpty();
		for (Resource location : locations) {
			for (String folder : List.of("", "css/", "css", "js/", "js", "images/", "webjars/")) {
				Resource resource = location.createRelative(folder);
				assertThat(resource.exists() && resource.isReadable()).as(location + " " + folder).isFalse();
			}
			if (location.createRelative("css/portal.css").exists()) {
				assertThat(location.createRelative("css/portal.css").isReadable()).as("a real file still reads").isTrue();
			}
		}
	}

	@Test
	@DisplayName("R-20.2 ASVS 13.4.2 16.3.4 an unexpected exception gives the generic page or problem, with no trace or message")
	void unexpectedErrorsShowNoTrace() throws Exception {
		IllegalStateException failure = new IllegalStateException("secret-detail-42 at portal.Internal.method");
		MockHttpServletResponse page = mvc.perform(error("/app/anything", failure).accept(MediaType.TEXT_HTML))
			.andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(500);
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString()).doesNotContain("secret-detail-42", "IllegalStateException",
				"portal.Internal", "at java.", "Exception", "Whitelabel");
		MockHttpServletResponse problem = mvc.perform(error("/api/v1/anything", failure)
			.accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getContentType()).startsWith("application/problem+json");
		JsonNode body = JSON.readTree(problem.getContentAsString());
		assertThat(body.path("status").asInt()).isEqualTo(500);
		assertThat(problem.getContentAsString()).doesNotContain("secret-detail-42", "IllegalStateException", "trace",
				"exception", "portal.Internal");
	}

	@Test
	@DisplayName("R-20.2 ASVS 14.3.3 signed-in pages set no cookie but the session, CSRF, language and time zone ones")
	void onlyExpectedCookies() throws Exception {
		AccountFixtures.ActiveUser user = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		Set<String> names = new TreeSet<>();
		MvcResult signIn = mvc.perform(get("/sign-in")).andReturn();
		collect(signIn.getResponse(), names);
		MvcResult signedIn = mvc.perform(post("/sign-in").param("username", user.loginId())
			.param("password", user.password()).param("code", fixtures.nextCode(user)).with(csrf())).andReturn();
		collect(signedIn.getResponse(), names);
		Cookie session = signedIn.getResponse().getCookie("PORTAL_SESSION");
		for (String path : List.of("/app", "/app/profile", "/app/users", "/app/notices", "/app/services", "/app/usage",
				"/app/orders", "/?lang=ja", "/app?lang=en")) {
			collect(mvc.perform(get(path).cookie(session)).andReturn().getResponse(), names);
		}
		collect(mvc.perform(post("/app/profile/time-zone").cookie(session).with(csrf()).param("zone", "Asia/Tokyo")
			.param("timeZone", "Asia/Tokyo")).andReturn().getResponse(), names);
		assertThat(names).contains("PORTAL_SESSION")
			.allMatch(name -> Set.of("PORTAL_SESSION", "__Host-PORTAL_SESSION", "PORTAL_CSRF", "__Host-PORTAL_CSRF",
					"portal-lang", "portal-tz", "__Host-portal-lang", "__Host-portal-tz").contains(name), "is the session, CSRF, language or time zone cookie");
	}

	@Test
	@DisplayName("R-20.2 ASVS 15.3.7 a repeated parameter is read once, never both, and JSON with a repeated key is refused")
	void parameterPollutionIsRefused() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/api/v1/audit").queryParam("size", "5", "500")
			.with(authentication(administrator))).andReturn().getResponse();
		if (page.getStatus() == 200) {
			assertThat(JSON.readTree(page.getContentAsString()).path("size").asInt()).isEqualTo(5);
		}
		else {
			assertThat(page.getStatus()).isEqualTo(400);
		}
		Cookie session = fixtures.signIn(mvc, fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR));
		MockHttpServletResponse twice = mvc.perform(post("/api/v1/users").cookie(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Mika Aoki","email":"mika-%1$s@example.test","email":"eve-%1$s@evil.example","phone":"+81 3 5555 0101",
					 "roles":["viewer"],"consentConfirmed":true,"consentTermsVersion":%2$d}""".formatted(customer, termsVersion())))
			.andReturn().getResponse();
		assertThat(twice.getStatus()).isEqualTo(400);
		assertThat(twice.getContentType()).startsWith("application/problem+json");
		assertThat(JSON.readTree(twice.getContentAsString()).path("type").asString()).isEqualTo("/problems/malformed-body");
		assertThat(mails("eve-" + customer + "@evil.example") + mails("mika-" + customer + "@example.test")).isZero();
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.1.1 double-encoded input is decoded once: refused in paths, kept as typed in parameters")
	void decodesOnce() throws Exception {
		for (String path : List.of("/assets/%252e%252e/%252e%252e/application.yml", "/app/%252e%252e/console",
				"/assets/%2e%2e/%2e%2e/application.yml")) {
			MockHttpServletResponse answer = mvc.perform(get(java.net.URI.create(path))).andReturn().getResponse();
			assertThat(answer.getStatus()).as(path).isIn(400, 404);
			assertThat(answer.getContentAsString()).as(path).doesNotContain("spring:", "datasource");
		}
		Cookie session = fixtures.signIn(mvc, fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR));
		String page = mvc.perform(get(java.net.URI.create("/app/users?q=%253Cb%253Ebold%2527")).cookie(session))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("%3Cb%3Ebold%27").doesNotContain("<b>bold", "&lt;b&gt;bold");
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.2.3 JSON answers escape quotes and control characters in what people typed, and are never sniffed as script")
	void jsonIsEncoded() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		Cookie session = fixtures.signIn(mvc, admin);
		String typed = "Eve \"</script>\t<script>alert(1)</script>\\ end";
		MockHttpServletResponse created = mvc.perform(post("/api/v1/users").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(java.util.Map.of("name", typed, "email",
					"json-" + customer + "@example.test", "phone", "+81 3 5555 0101", "roles", List.of("viewer"),
					"consentConfirmed", true, "consentTermsVersion", termsVersion()))))
			.andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		String body = created.getContentAsString();
		assertThat(body).contains("Eve \\\"</script>\\t<script>").contains("\\\\ end").doesNotContain("\t");
		assertThat(JSON.readTree(body).path("name").asString()).isEqualTo(typed);
		assertThat(created.getContentType()).startsWith("application/json");
		assertThat(created.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.3.11 an address with CR/LF or a second recipient is refused, and nothing is queued for mail")
	void mailHeaderInjectionIsRefused() throws Exception {
		AccountFixtures.ActiveUser admin = fixtures.customerUser(customer, Role.CUSTOMER_ADMINISTRATOR);
		Cookie session = fixtures.signIn(mvc, admin);
		String tag = customer.toString().substring(0, 8);
		for (String email : List.of("a" + tag + "@example.test\r\nBcc: eve-" + tag + "@evil.example",
				"a" + tag + "@example.test\nBcc: eve-" + tag + "@evil.example", "a" + tag + "@example.test, eve-" + tag + "@evil.example",
				"\"a" + tag + "\" <a" + tag + "@example.test>, eve-" + tag + "@evil.example", "a" + tag + "@example.test%0d%0aBcc:eve-" + tag + "@evil.example")) {
			MockHttpServletResponse answer = mvc.perform(post("/api/v1/users").cookie(session).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(java.util.Map.of("name", "Mika Aoki", "email", email, "phone",
						"+81 3 5555 0101", "roles", List.of("viewer"), "consentConfirmed", true,
						"consentTermsVersion", termsVersion()))))
				.andReturn().getResponse();
			assertThat(answer.getStatus()).as(email).isEqualTo(400);
			assertThat(JSON.readTree(answer.getContentAsString()).path("fields").has("email")).as(email).isTrue();
		}
		// A name is never a header: CR/LF in it does not reach the recipient list.
		String email = "named-" + tag + "@example.test";
		MockHttpServletResponse named = mvc.perform(post("/api/v1/users").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(java.util.Map.of("name", "Mika\r\nBcc: eve-" + tag + "@evil.example", "email", email,
					"phone", "+81 3 5555 0101", "roles", List.of("viewer"), "consentConfirmed", true,
					"consentTermsVersion", termsVersion()))))
			.andReturn().getResponse();
		if (named.getStatus() != 201) {
			assertThat(named.getStatus()).isEqualTo(400);
			assertThat(JSON.readTree(named.getContentAsString()).path("fields").has("name")).isTrue();
		}
		assertThat(mails("eve-" + tag + "@evil.example")).isZero();
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> jdbc
			.sql("SELECT count(*) FROM notices.outbox WHERE recipient LIKE ? AND recipient <> ?")
			.params("%" + tag + "%", email).query(Long.class).single())).isZero();
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.4.2 huge or negative page and size values answer 400, never an overflow or a 500")
	void hugeNumbersAreRefused() throws Exception {
		for (String[] query : List.of(new String[] { "page", "2147483647" }, new String[] { "size", "2147483647" },
				new String[] { "page", "99999999999999999999" }, new String[] { "size", "-1" },
				new String[] { "page", "-2147483648" }, new String[] { "size", "1e9" })) {
			for (String path : List.of("/api/v1/audit", "/api/v1/orders")) {
				MockHttpServletResponse answer = mvc.perform(get(path).param(query[0], query[1])
					.with(authentication(administrator))).andReturn().getResponse();
				String asked = path + "?" + query[0] + "=" + query[1];
				if (answer.getStatus() == 200) {
					// Accepted only as a far page that is empty, or a size capped by the server.
					JsonNode body = JSON.readTree(answer.getContentAsString());
					JsonNode items = body.has("entries") ? body.path("entries") : body.path("items");
					assertThat(body.path("size").asInt()).as(asked).isBetween(1, 1000);
					assertThat(query[0].equals("page") ? items.size() : body.path("size").asInt()).as(asked)
						.isLessThanOrEqualTo(query[0].equals("page") ? 0 : 1000);
				}
				else {
					assertThat(answer.getStatus()).as(asked).isEqualTo(400);
					assertThat(answer.getContentType()).as(asked).startsWith("application/problem+json");
				}
			}
		}
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.4.2 a huge page number on the order history page shows an empty page, never a 500")
	void hugePageOnPages() throws Exception {
		for (String page : List.of("2147483647", "-2147483648", "99999999999999999999")) {
			assertThat(mvc.perform(get("/app/orders").param("page", page).with(authentication(administrator)))
				.andReturn().getResponse().getStatus()).as(page).isEqualTo(200);
		}
	}

	@Test
	@DisplayName("R-20.2 ASVS 13.4.1 15.2.3 the packaged jar holds no source-control files, secrets files, tests or test libraries")
	void packageHoldsNoExtras() throws IOException {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("customer-portal-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-sources.jar")
						&& !p.getFileName().toString().endsWith("-javadoc.jar"))
				.findFirst().orElseThrow(() -> new AssertionError("Failsafe runs after package: no jar in target/"));
		}
		List<String> found = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : java.util.Collections.list(file.entries())) {
				String name = entry.getName();
				String simple = name.substring(name.lastIndexOf('/', name.length() - 2) + 1);
				boolean unwanted = name.contains(".git/") || simple.startsWith(".git") || simple.startsWith(".env")
						|| simple.startsWith("application-test") || name.contains("test-data")
						|| simple.matches(".*(Tests|IntegrationTests|BrowserTests|Fixtures)(\\$.*)?\\.class")
						|| simple.equals("TestSmtp.class") || simple.equals("MutableClock.class")
						|| simple.matches("(greenmail|archunit|jqwik|selenium|junit|mockito|assertj|spring-boot-devtools|spring-boot-test).*\\.jar")
						|| simple.endsWith(".java") || simple.equals("pom.xml") && !name.startsWith("META-INF/maven/")
						|| simple.endsWith(".key") || simple.equals("demo-accounts.json") || simple.equals("secrets.key")
						|| simple.equals("mvnw") || name.startsWith(".mvn/") || name.contains("/.idea/");
				if (unwanted) {
					found.add(name);
				}
			}
			assertThat(file.getEntry("BOOT-INF/classes/portal/PortalApplication.class")).isNotNull();
		}
		assertThat(found).isEmpty();
	}

	// ---------------------------------------------------------------------------------------

	private int termsVersion() {
		return terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
	}

	private long mails(String recipient) {
		return tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> jdbc.sql("SELECT count(*) FROM notices.outbox WHERE recipient = ?").param(recipient)
					.query(Long.class).single());
	}

	private static void collect(MockHttpServletResponse response, Set<String> names) {
		for (String header : response.getHeaders(HttpHeaders.SET_COOKIE)) {
			names.add(header.substring(0, header.indexOf('=')).trim());
		}
		for (Cookie cookie : response.getCookies()) {
			names.add(cookie.getName());
		}
	}

	private static MockHttpServletRequestBuilder error(String uri, Throwable failure) {
		return get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
			.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure)
			.requestAttr(RequestDispatcher.ERROR_MESSAGE, failure.getMessage());
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
