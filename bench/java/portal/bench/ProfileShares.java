package portal.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a page's CPU goes, from a JFR recording made while only that page was requested, run as
 * a single source file: {@code java ProfileShares.java <recording.jfr>}.
 *
 * <p>Each execution sample of a request thread (Tomcat's workers) is put in the first category
 * found walking its stack from the running frame towards the thread's start: the frame doing the
 * work decides, so the database driver called from a page's rendering counts as the driver, and
 * the portal's own code called by Thymeleaf counts as the portal's. Prints each category's share
 * of the samples, largest first, and the sample count; then the methods that decided most
 * samples' category (the first frame outside the JDK), with their share.
 */
public class ProfileShares {

	/** Package prefixes, in the order they are tried on each frame. */
	private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

	static {
		CATEGORIES.put("compression (gzip)", List.of("java.util.zip."));
		CATEGORIES.put("database driver", List.of("org.postgresql."));
		CATEGORIES.put("connection pool", List.of("com.zaxxer.hikari."));
		CATEGORIES.put("session store", List.of("org.springframework.session.", "portal.platform.session."));
		CATEGORIES.put("portal code", List.of("portal."));
		CATEGORIES.put("rendering: SpEL", List.of("org.springframework.expression."));
		CATEGORIES.put("rendering: Thymeleaf", List.of("org.thymeleaf.", "org.attoparser.", "org.unbescape."));
		CATEGORIES.put("JSON", List.of("tools.jackson.", "com.fasterxml.jackson."));
		CATEGORIES.put("Spring Security", List.of("org.springframework.security."));
		CATEGORIES.put("Spring MVC and context", List.of("org.springframework."));
		CATEGORIES.put("logging and metrics", List.of("ch.qos.logback.", "org.slf4j.", "io.micrometer."));
		CATEGORIES.put("Tomcat and HTTP", List.of("org.apache.", "jakarta."));
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, Integer> methods = new LinkedHashMap<>();
		int total = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
			if (thread == null || !thread.contains("exec-")) {
				continue;
			}
			counts.merge(category(event.getStackTrace().getFrames()), 1, Integer::sum);
			methods.merge(deciding(event.getStackTrace().getFrames()), 1, Integer::sum);
			total++;
		}
		int all = total;
		System.out.printf("%d samples of request threads%n", all);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / all, entry.getKey()));
		System.out.println("  methods deciding the most samples:");
		methods.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(TOP_METHODS)
			.forEach(entry -> System.out.printf("  %5.1f %%  %s%n", 100.0 * entry.getValue() / all, entry.getKey()));
	}

	private static final int TOP_METHODS = 6;

	private static String deciding(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
				return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
			}
		}
		return "(JDK only)";
	}

	private static String category(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
				for (String prefix : category.getValue()) {
					if (type.startsWith(prefix)) {
						return category.getKey();
					}
				}
			}
		}
		return "JDK and other";
	}
}
