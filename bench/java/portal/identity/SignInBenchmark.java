package portal.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalApplication;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.Registrations;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.Totp;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Complete sign-ins per second (sign-in page, password, one-time code, new session, audit
 * entry) against a running portal over HTTP, next to the raw Argon2id verification rate
 * of the portal's own hasher, in the same run on the same machine. After a warm-up that
 * lets the JIT settle, rounds alternate the two measurements; it prints each round, the
 * means and their ratio, and the mean time of refusals for an unknown login ID and for a
 * wrong password.
 */
public final class SignInBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String PASSWORD = "benchmark passphrase for sign-in";

	private SignInBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		int cores = Runtime.getRuntime().availableProcessors();
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : cores * 8;
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
			PasswordHashes encoder = portal.getBean(PasswordHashes.class);
			List<Account> created = createAccounts(portal, encoder, accounts);
			System.out.printf("machine: %s; %d cores; %s; Java %s%n", cpuModel(), cores, memory(),
					System.getProperty("java.version"));
			System.out.printf("setup: %d accounts, %d client threads, %d s per measurement%n", accounts, clients, seconds);
			Clock clock = portal.getBean(Clock.class);
			// Warm-up: at this rate the JIT keeps compiling the web stack for three to four minutes, and
			// while it does it takes up to a quarter of the CPU. Both rates are measured after that.
			int warmUp = Integer.getInteger("bench.warmup", 240);
			Turns turns = new Turns(created);
			signInRate(port, turns, clock, clients, warmUp);
			rawHashRate(encoder, created.get(0).credentials().passwordHash(), cores, 5);
			System.out.printf("warm-up: %d s of sign-ins and 5 s of raw hashing, not counted%n", warmUp);
			double rawTotal = 0;
			double signInTotal = 0;
			int rounds = Integer.getInteger("bench.rounds", 3);
			for (int round = 1; round <= rounds; round++) {
				Rate hashes = rawHashRate(encoder, created.get(0).credentials().passwordHash(), cores, seconds);
				Rate signIns = signInRate(port, turns, clock, clients, seconds);
				System.out.printf("round %d: raw Argon2id %.1f /s (%.1f ms of process CPU each), sign-ins %.1f /s "
						+ "(%.1f ms of process CPU each), ratio %.1f %%%n", round, hashes.perSecond(),
						hashes.cpuMillisEach(), signIns.perSecond(), signIns.cpuMillisEach(),
						100 * signIns.perSecond() / hashes.perSecond());
				rawTotal += hashes.perSecond();
				signInTotal += signIns.perSecond();
			}
			double raw = rawTotal / rounds;
			double signIns = signInTotal / rounds;
			System.out.printf("raw Argon2id verifications (m=19456 KiB, t=2, p=1), %d threads: %.1f /s%n", cores, raw);
			System.out.printf("complete sign-ins over HTTP, %d clients: %.1f /s%n", clients, signIns);
			System.out.printf("ratio sign-ins / raw hashes: %.1f %%%n", 100 * signIns / raw);
			refusalTimings(port, created.get(created.size() - 1));
		}
		finally {
			portal.close();
		}
	}

	private static List<Account> createAccounts(ConfigurableApplicationContext portal, PasswordHashes encoder,
			int count) {
		Registrations registrations = portal.getBean(Registrations.class);
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
				Account account = registrations.issue(false, customers.get(i % customers.size()), null,
						EnumSet.of(Role.CUSTOMER_VIEWER));
				account.changeContact("Bench User " + i, "bench" + i + "@example.test", "+81 3 0000 0000", null);
				account.activate(hash, Totp.newSecret(), Clock.systemUTC().instant());
				accounts.insert(account);
				created.add(account);
			}
			return created;
		}));
	}

	/** Operations per second, and the CPU time of this process (portal and client) per operation. */
	private record Rate(double perSecond, double cpuMillisEach) {

		static Rate of(long operations, int seconds, long cpuNanos) {
			return new Rate(operations / (double) seconds, cpuNanos / 1e6 / Math.max(1, operations));
		}
	}

	private static Rate rawHashRate(PasswordHashes encoder, String hash, int threads, int seconds)
			throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long cpuBefore = processCpuNanos();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		// Twice as many callers as hashing threads, so that a hashing thread never waits for work.
		ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
		for (int t = 0; t < 2 * threads; t++) {
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
		return Rate.of(done.get(), seconds, processCpuNanos() - cpuBefore);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** The accounts, taken in turn across all phases: a code is accepted once per account and 30 s step. */
	private static final class Turns {

		private final List<Account> accounts;

		private final AtomicInteger next = new AtomicInteger();

		private final AtomicLongArray lastStep;

		Turns(List<Account> accounts) {
			this.accounts = accounts;
			this.lastStep = new AtomicLongArray(accounts.size());
		}

		/** The next account, or null when that one already signed in during this step. */
		Account next(long step) {
			int i = Math.floorMod(next.getAndIncrement(), accounts.size());
			return lastStep.getAndSet(i, step) == step ? null : accounts.get(i);
		}
	}

	private static Rate signInRate(int port, Turns turns, Clock clock, int clients, int seconds)
			throws InterruptedException {
		long cpuBefore = processCpuNanos();
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					long step = Totp.step(clock.instant());
					Account account = turns.next(step);
					if (account == null) {
						continue;
					}
					if (signIn(port, account.loginId(), PASSWORD, Totp.code(account.credentials().totpSecret(), step))) {
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
		return Rate.of(ok.get(), seconds, processCpuNanos() - cpuBefore);
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
			signIn(port, account.loginId(), "a wrong password " + i, "000000");
			wrong += System.nanoTime() - start;
		}
		System.out.printf("refusal time, mean of %d: unknown login ID %.1f ms, wrong password %.1f ms%n", rounds,
				unknown / 1e6 / rounds, wrong / 1e6 / rounds);
	}

	private static final Pattern CSRF_COOKIE = Pattern.compile("PORTAL_CSRF=([^;]+)");

	// A plain blocking client with keep-alive: the load generator shares the machine with the
	// portal, so it should take as little of the CPU as it can.
	private static boolean signIn(int port, String loginId, String password, String code) {
		try {
			URL url = URI.create("http://127.0.0.1:" + port + "/sign-in").toURL();
			HttpURLConnection page = (HttpURLConnection) url.openConnection();
			String body;
			try (InputStream in = page.getInputStream()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Matcher csrf = CSRF.matcher(body);
			List<String> cookies = page.getHeaderFields().getOrDefault("Set-Cookie", List.of());
			Matcher token = CSRF_COOKIE.matcher(String.join(";", cookies));
			if (!csrf.find() || !token.find()) {
				return false;
			}
			byte[] form = ("username=" + enc(loginId) + "&password=" + enc(password) + "&code=" + enc(code) + "&_csrf="
					+ enc(csrf.group(1))).getBytes(StandardCharsets.UTF_8);
			HttpURLConnection post = (HttpURLConnection) url.openConnection();
			post.setInstanceFollowRedirects(false);
			post.setRequestMethod("POST");
			post.setDoOutput(true);
			post.setFixedLengthStreamingMode(form.length);
			post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
			post.setRequestProperty("Cookie", "PORTAL_CSRF=" + token.group(1));
			try (OutputStream out = post.getOutputStream()) {
				out.write(form);
			}
			int status = post.getResponseCode();
			String location = post.getHeaderField("Location");
			try (InputStream in = status < 400 ? post.getInputStream() : post.getErrorStream()) {
				if (in != null) {
					in.readAllBytes();
				}
			}
			return status == 302 && location != null && location.endsWith("/app");
		}
		catch (IOException ex) {
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
