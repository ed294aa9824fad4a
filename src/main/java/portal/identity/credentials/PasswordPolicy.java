package portal.identity.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What a password must be (ASVS 6.2): at least 12 characters, up to 128, any characters,
 * no composition rules; not one of 30,000 common passwords (the list zxcvbn ships), not in
 * the breached-password corpus when the operator supplies one ({@code
 * PORTAL_BREACHED_PASSWORDS_FILE}, see {@link BreachedPasswords}), and not containing the
 * login ID or the person's name.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final String COMMON_PASSWORDS = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);

	private final Set<String> common;

	private final BreachedPasswords breached;

	// A configured file that cannot be read stops the start: running on without it would
	// quietly accept breached passwords the operator meant to refuse.
	@Autowired
	PasswordPolicy(@Value("${portal.passwords.breached-file:}") String breachedFile) {
		this(StringUtils.hasText(breachedFile) ? BreachedPasswords.open(Path.of(breachedFile.trim()))
				: BreachedPasswords.NONE);
		if (breached.enabled()) {
			log.info("Passwords are checked against the breached-password file {}", breached.file());
		}
	}

	PasswordPolicy() {
		this(BreachedPasswords.NONE);
	}

	PasswordPolicy(BreachedPasswords breached) {
		this.common = load();
		this.breached = breached;
	}

	@PreDestroy
	void close() throws IOException {
		breached.close();
	}

	int commonPasswordCount() {
		return common.size();
	}

	/** The message keys of every rule the password breaks; empty when it is acceptable. */
	public List<String> check(String password, String loginId, String name) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			problems.add("identity.password.too-short");
			return problems;
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			problems.add("identity.password.too-long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!@#$%^&*._-]+$", ""))) {
			problems.add("identity.password.common");
		}
		else if (breached.contains(password)) {
			problems.add("identity.password.breached");
		}
		if (loginId != null && !loginId.isBlank() && lower.contains(loginId.toLowerCase(Locale.ROOT))) {
			problems.add("identity.password.contains-login-id");
		}
		if (containsName(lower, name)) {
			problems.add("identity.password.contains-name");
		}
		return problems;
	}

	private static boolean containsName(String lowerPassword, String name) {
		if (name == null || name.isBlank()) {
			return false;
		}
		String lowerName = name.toLowerCase(Locale.ROOT);
		if (lowerPassword.contains(lowerName.replaceAll("\\s+", ""))) {
			return true;
		}
		for (String part : lowerName.split("\\s+")) {
			// Short name parts ("li", "an") occur in many good passwords by chance.
			if (part.length() >= 4 && lowerPassword.contains(part)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException("The common-password list is missing from the class path");
			}
			Set<String> words = new HashSet<>(40_000);
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				reader.lines().map(String::trim).filter(line -> !line.isEmpty())
					.forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
			}
			return Set.copyOf(words);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
