package portal.platform.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Hands each test method a fresh headless Chromium, the one the system installed, with its own
 * throw-away profile; it is closed after the test. Register with {@code @ExtendWith(Browsers.class)}
 * and declare a {@link WebDriver} (or {@link ChromeDriver}) parameter.
 *
 * <p>Without Chromium or its driver the tests are skipped on a workstation and fail on CI
 * ({@code CI=true}), so a build server can never pass by not running them. Selenium Manager is
 * never consulted: both paths are given, so nothing is downloaded.
 *
 * <p>When a test fails, what each of its browsers showed is kept: the address, the title and the
 * page's text join the failure's report, and the page source and a screenshot are written to
 * {@code target/browser-failures/}, so that a failure seen once on a build server can be read.
 */
public final class Browsers implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

	private static final Path FAILURES = Path.of("target", "browser-failures");

	private static final int TEXT_SHOWN = 2_000;

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Wide enough for the desktop layout; tests that need a phone resize the window. */
	private static final String WINDOW_SIZE = "--window-size=1280,900";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		requireChromium();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		Class<?> type = parameter.getParameter().getType();
		return type == WebDriver.class || type == ChromeDriver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Browser browser = open();
		extension.getStore(NAMESPACE).put(parameter.getIndex(), browser);
		return browser.driver();
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		for (int index = 0; index < context.getRequiredTestMethod().getParameterCount(); index++) {
			Browser browser = store.get(index, Browser.class);
			if (browser != null) {
				String name = context.getRequiredTestClass().getSimpleName() + "-"
						+ context.getRequiredTestMethod().getName() + "-" + index;
				failure.addSuppressed(new AssertionError(whatItShowed(browser.driver(), name)));
			}
		}
		throw failure;
	}

	/** The browser's address, title and text, with its source and a screenshot kept under the name. */
	static String whatItShowed(ChromeDriver driver, String name) {
		try {
			String text = driver.findElement(By.tagName("body")).getText();
			Files.createDirectories(FAILURES);
			Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource());
			Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), FAILURES.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
			return "The browser showed " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\"), kept in "
					+ FAILURES.resolve(name) + ".html/.png:\n"
					+ (text.length() > TEXT_SHOWN ? text.substring(0, TEXT_SHOWN) + "…" : text);
		}
		catch (IOException | RuntimeException ex) {
			return "What the browser showed could not be read: " + ex;
		}
	}

	/** Skips (workstation) or fails (CI) when the system's Chromium or chromedriver is missing. */
	public static void requireChromium() {
		require("true".equalsIgnoreCase(System.getenv("CI")), List.of(CHROMIUM, CHROMEDRIVER));
	}

	static void require(boolean onCi, List<Path> executables) {
		List<Path> missing = executables.stream().filter(path -> !Files.isExecutable(path)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String message = "Browser tests need Chromium and chromedriver; missing: " + missing
				+ ". On Debian: apt-get install chromium chromium-driver.";
		if (onCi) {
			throw new IllegalStateException(message + " (CI=true, so this fails instead of skipping)");
		}
		Assumptions.abort(message);
	}

	/** Starts a headless Chromium with a fresh profile; close the returned browser when done. */
	public static Browser open() {
		requireChromium();
		Path profile = temporaryProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", WINDOW_SIZE, "--user-data-dir=" + profile);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		try {
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (RuntimeException ex) {
			deleteQuietly(profile);
			throw ex;
		}
	}

	/**
	 * The browser console's SEVERE entries since the last call (reading drains the buffer):
	 * script errors, failed loads, Content-Security-Policy violations.
	 */
	public static List<LogEntry> severeConsoleEntries(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("portal-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile harms nothing; the test's outcome matters more.
		}
	}

	/**
	 * A running Chromium and the profile directory it owns; closing quits the one and deletes the
	 * other.
	 */
	public record Browser(ChromeDriver driver, Path profile) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.driver.quit();
			}
			finally {
				deleteQuietly(this.profile);
			}
		}
	}
}
