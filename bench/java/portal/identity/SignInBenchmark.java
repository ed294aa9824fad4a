package portal.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalApplication;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Complete sign-ins per second (sign-in page, password, one-time code, new session, audit
 * entry) against a running portal over HTTP, next to the raw Argon2id verification rate
 * with the same parameters, in the same run on the same machine. Prints both, the ratio,
 * and the mean time of refusals for an unknown login ID and for a wrong password.
 */
public final class SignInBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String PASSWORD = "benchmark passphrase for sign-in";

	private SignInBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int cores = Runtime.getRuntime().availableProcessors();
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : cores * 2;
		int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
		Path dataDir = Files.createTempDirectory("signin-bench");
		List<String> portalArgs = new ArrayList<>(List.of("--server.port=0", "--portal.data-dir=" + dataDir,
				"--portal.demo=false", "--portal.jobs.enabled=false",
				"--portal.identity.sign-ins-per-address-per-minute=100000000",
				"--portal.identity.sign-ins-per-login-id-per-minute=1000", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		// Extra portal settings for a run, e.g. -Dbench.portal=--portal.embedded.durable=false
		String extra = System.getProperty("bench.portal", "");
		if (!extra.isBlank()) {
			portalArgs.addAll(List.of(extra.trim().split("\\s+")));
		}
		ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class,
				portalArgs.toArray(String[]::new));
		System.out.println("portal settings: " + String.join(" ", portalArgs.subList(2, portalArgs.size())));
		try {
			int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
			Argon2PasswordEncoder encoder = portal.getBean(Argon2PasswordEncoder.class);
			List<Account> created = createAccounts(portal, encoder, accounts);
			System.out.printf("machine: %s; %d cores; %s; Java %s%n", cpuModel(), cores, memory(),
					System.getProperty("java.version"));
			System.out.printf("setup: %d accounts, %d client threads, %d s per measurement%n", accounts, clients, seconds);
			double raw = rawHashRate(encoder, created.get(0).passwordHash, cores, seconds);
			System.out.printf("raw Argon2id verifications (m=19456 KiB, t=2, p=1), %d threads: %.1f /s%n", cores, raw);
			Clock clock = portal.getBean(Clock.class);
			double signIns = signInRate(port, created, clock, clients, seconds);
			System.out.printf("complete sign-ins over HTTP, %d clients: %.1f /s%n", clients, signIns);
			System.out.printf("ratio sign-ins / raw hashes: %.1f %%%n", 100 * signIns / raw);
			refusalTimings(port, created.get(created.size() - 1));
		}
		finally {
			portal.close();
		}
	}

	private static List<Account> createAccounts(ConfigurableApplicationContext portal, Argon2PasswordEncoder encoder,
			int count) {
		UserAdministration administration = portal.getBean(UserAdministration.class);
		Accounts accounts = portal.getBean(Accounts.class);
		Tenancy tenancy = portal.getBean(Tenancy.class);
		TransactionTemplate transactions = portal.getBean(TransactionTemplate.class);
		// One hash serves all accounts: each verification costs the same whatever the salt.
		String hash = encoder.encode(PASSWORD);
		List<UUID> customers = new ArrayList<>();
		for (int i = 0; i < Math.max(1, count / 100); i++) {
			customers.add(UUID.randomUUID());
		}
		return tenancy.call(Actor.job("benchmark"), TenantScope.system(), () -> transactions.execute(status -> {
			List<Account> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Account account = administration.newAccount(false, customers.get(i % customers.size()), null,
						EnumSet.of(Role.CUSTOMER_VIEWER));
				account.changeContact("Bench User " + i, "bench" + i + "@example.test", "+81 3 0000 0000");
				account.activate(hash, Totp.newSecret(), Clock.systemUTC().instant());
				accounts.insert(account);
				created.add(account);
			}
			return created;
		}));
	}

	private static double rawHashRate(Argon2PasswordEncoder encoder, String hash, int threads, int seconds)
			throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					if (encoder.matches(PASSWORD, hash)) {
						done.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		return done.get() / (double) seconds;
	}

	private static double signInRate(int port, List<Account> accounts, Clock clock, int clients, int seconds)
			throws InterruptedException {
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicInteger next = new AtomicInteger();
		AtomicLongArray lastStep = new AtomicLongArray(accounts.size());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					int i = Math.floorMod(next.getAndIncrement(), accounts.size());
					long step = Totp.step(clock.instant());
					// A code is accepted once per account and step; skip accounts already used in this step.
					if (lastStep.getAndSet(i, step) == step) {
						continue;
					}
					Account account = accounts.get(i);
					if (signIn(port, account.loginId, PASSWORD, Totp.code(account.totpSecret, step))) {
						ok.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		if (failed.get() > 0) {
			System.out.printf("  (%d sign-ins were refused)%n", failed.get());
		}
		return ok.get() / (double) seconds;
	}

	private static void refusalTimings(int port, Account account) {
		int rounds = 20;
		long unknown = 0;
		long wrong = 0;
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			signIn(port, "CP99999999", PASSWORD, "000000");
			unknown += System.nanoTime() - start;
			start = System.nanoTime();
			signIn(port, account.loginId, "a wrong password " + i, "000000");
			wrong += System.nanoTime() - start;
		}
		System.out.printf("refusal time, mean of %d: unknown login ID %.1f ms, wrong password %.1f ms%n", rounds,
				unknown / 1e6 / rounds, wrong / 1e6 / rounds);
	}

	// One client for all requests: a sign-in is measured, not the setting up of HTTP clients.
	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10)).build();

	private static final Pattern SESSION = Pattern.compile("PORTAL_SESSION=([^;]+)");

	private static boolean signIn(int port, String loginId, String password, String code) {
		try {
			String base = "http://127.0.0.1:" + port;
			HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			Matcher session = SESSION.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
			if (!csrf.find() || !session.find()) {
				return false;
			}
			String form = "username=" + enc(loginId) + "&password=" + enc(password) + "&code=" + enc(code) + "&_csrf="
					+ enc(csrf.group(1));
			HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "PORTAL_SESSION=" + session.group(1))
				.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
			return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/app");
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
		}
		catch (Exception ex) {
			return "unknown CPU";
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
		}
		catch (Exception ex) {
			return "memory unknown";
		}
	}
}
