package portal.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The page benchmark's helper, run as a single source file:
 * <ul>
 * <li>{@code signin <port> <demo-accounts.json>}: signs in every demo user of a customer
 * (password and a one-time code computed here) and prints one line per user:
 * {@code <role> <session cookie> <API token>};</li>
 * <li>{@code session-bytes <postgres port>}: the mean bytes of session state stored per
 * signed-in session (the session row and its attribute rows);</li>
 * <li>{@code check-writes <postgres port> <acknowledged ids file> <id prefix>}: whether every
 * acknowledged service-instance report is stored, and none stored or audited twice.</li>
 * </ul>
 */
public class PagesSetup {

	private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern CSRF_COOKIE = Pattern.compile("PORTAL_CSRF=([^;]+)");

	private static final Pattern SESSION_COOKIE = Pattern.compile("PORTAL_SESSION=([^;]+)");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "signin" -> signIn(Integer.parseInt(args[1]), Path.of(args[2]));
			case "session-bytes" -> sessionBytes(Integer.parseInt(args[1]));
			case "check-writes" -> checkWrites(Integer.parseInt(args[1]), Path.of(args[2]), args[3]);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	private static void signIn(int port, Path accounts) throws Exception {
		String json = Files.readString(accounts).replaceAll("\\[\\s*\"([a-z-]+)\"[^\\]]*\\]", "\"$1\"");
		Matcher objects = OBJECT.matcher(json);
		List<String> lines = new ArrayList<>();
		while (objects.find()) {
			String object = objects.group();
			if (!"user".equals(field(object, "kind"))) {
				continue;
			}
			String session = signIn(port, field(object, "loginId"), field(object, "password"),
					field(object, "totpSecret"));
			if (session == null) {
				System.err.println("could not sign in " + field(object, "loginId"));
				continue;
			}
			lines.add(field(object, "roles") + " PORTAL_SESSION=" + session + " " + field(object, "apiKey"));
		}
		lines.forEach(System.out::println);
	}

	private static String field(String object, String name) {
		Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(object);
		return value.find() ? value.group(1) : "";
	}

	/** Signs one user in with password and TOTP code; the session cookie's value, or null if refused. */
	public static String signIn(int port, String loginId, String password, String secret) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + port + "/sign-in");
		HttpURLConnection page = (HttpURLConnection) uri.toURL().openConnection();
		String body;
		try (InputStream in = page.getInputStream()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher field = CSRF_FIELD.matcher(body);
		Matcher cookie = CSRF_COOKIE.matcher(String.join(";", page.getHeaderFields().getOrDefault("Set-Cookie", List.of())));
		if (!field.find() || !cookie.find()) {
			return null;
		}
		byte[] form = ("username=" + enc(loginId) + "&password=" + enc(password) + "&code="
				+ enc(totp(secret, System.currentTimeMillis() / 30_000)) + "&_csrf=" + enc(field.group(1)))
			.getBytes(StandardCharsets.UTF_8);
		HttpURLConnection post = (HttpURLConnection) uri.toURL().openConnection();
		post.setInstanceFollowRedirects(false);
		post.setRequestMethod("POST");
		post.setDoOutput(true);
		post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
		post.setRequestProperty("Cookie", "PORTAL_CSRF=" + cookie.group(1));
		try (OutputStream out = post.getOutputStream()) {
			out.write(form);
		}
		int status = post.getResponseCode();
		Matcher session = SESSION_COOKIE.matcher(String.join(";", post.getHeaderFields().getOrDefault("Set-Cookie", List.of())));
		return status == 302 && session.find() ? session.group(1) : null;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** RFC 6238 with SHA-1, 6 digits, 30 s steps. */
	private static String totp(String base32Secret, long step) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	private static void sessionBytes(int postgresPort) throws Exception {
		String sql = """
				SELECT count(*), coalesce(avg(pg_column_size(s.*) + coalesce((SELECT sum(pg_column_size(a.*))
				  FROM platform.spring_session_attributes a WHERE a.session_primary_id = s.primary_id), 0)), 0),
				  coalesce(max((SELECT count(*) FROM platform.spring_session_attributes a
				  WHERE a.session_primary_id = s.primary_id)), 0)
				FROM platform.spring_session s WHERE s.principal_name IS NOT NULL""";
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
				+ "/portal", "postgres", superuserPassword());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			System.out.printf(Locale.ROOT, "%d %.0f %d%n", rs.getLong(1), rs.getDouble(2), rs.getLong(3));
		}
	}

	/** The embedded server takes passwords only; the scripts pass the superuser's from the data directory. */
	private static String superuserPassword() {
		String password = System.getenv("PGPASSWORD");
		return password == null ? "" : password;
	}

	private static void checkWrites(int postgresPort, Path acknowledged, String prefix) throws Exception {
		List<String> acked = Files.readAllLines(acknowledged).stream().filter(l -> !l.isBlank()).distinct().toList();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
				+ "/portal", "postgres", superuserPassword())) {
			var stored = connection.prepareStatement("""
					SELECT count(*) FILTER (WHERE i.id = ANY (?)), count(*)
					FROM customers.service_instances i WHERE i.id LIKE ?""");
			stored.setArray(1, connection.createArrayOf("text", acked.toArray()));
			stored.setString(2, prefix + "%");
			ResultSet rs = stored.executeQuery();
			rs.next();
			long present = rs.getLong(1);
			long all = rs.getLong(2);
			var audited = connection.prepareStatement("""
					SELECT count(*) FROM (SELECT target_id FROM audit.entries WHERE target_id LIKE ?
					GROUP BY target_id, action HAVING count(*) > 1) twice""");
			audited.setString(1, prefix + "%");
			ResultSet twice = audited.executeQuery();
			twice.next();
			System.out.printf(Locale.ROOT,
					"acknowledged %d, of which stored %d (missing %d); stored in all %d (%d committed but not acknowledged);"
							+ " audited twice: %d%n",
					acked.size(), present, acked.size() - present, all, all - present, twice.getLong(1));
		}
	}
}
