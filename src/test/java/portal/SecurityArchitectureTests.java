package portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the ASVS map that hold for the code as a whole: what the portal's own classes and
 * scripts never do. Each test reads the compiled classes (ArchUnit) or the sources, so a
 * change that breaks the rule fails here before review.
 */
@DisplayName("R-20.2 R-6.2 Security rules over the whole code base (ASVS map)")
class SecurityArchitectureTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("portal");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	@DisplayName("R-20.2 ASVS 1.5.2 the portal's code never deserialises Java objects nor turns on Jackson's default typing")
	void noUnsafeDeserialisation() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInput")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans.XMLDecoder")
			.orShould().dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.core.serializer.support.DeserializingConverter")
			.orShould().dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.core.serializer.DefaultDeserializer")
			.orShould().callMethodWhere(target(nameMatching("deserialize"))
				.and(target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With
					.owner(nameMatching(".*SerializationUtils")))))
			.orShould().callMethodWhere(target(nameMatching("activateDefaultTyping.*|enableDefaultTyping.*")))
			.because("API bodies are bound by Jackson to declared types; only Spring Session reads its own rows back")
			.check(PORTAL);
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.3.2 no expression or script engine is called from the portal's code")
	void noExpressionEvaluation() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.expression..",
				"javax.script..", "ognl..", "org.mvel2..", "groovy.lang..")
			.because("SpEL appears only in annotations and templates the portal's authors wrote")
			.check(PORTAL);
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.5.3 predictable random numbers only feed demo data; everything else uses SecureRandom")
	void randomnessComesFromACsprng() {
		noClasses().that().haveNameNotMatching(".*Demo.*").and().resideOutsideOfPackage("..demo..")
			.should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
			.orShould().dependOnClassesThat().resideInAPackage("java.util.random..")
			.orShould().callMethod(Math.class, "random")
			.orShould().callMethod(StrictMath.class, "random")
			.check(PORTAL);
		// Demo data may be repeatable, but demo classes must not hand out secrets from it either.
		noClasses().that().haveNameMatching(".*Demo.*").or().resideInAPackage("..demo..")
			.should().callMethod(Math.class, "random")
			.check(PORTAL);
	}

	@Test
	@DisplayName("R-6.2 ASVS 11.4.1 only SHA-256 family digests; HMAC-SHA1 only inside the RFC 6238 one-time codes")
	void approvedHashFunctionsOnly() {
		Pattern weak = Pattern.compile("\"(?i:(?:Hmac)?(?:MD2|MD4|MD5|SHA-?1|SHA-?224|RIPEMD\\d*|DES|DESede|3DES|RC2|RC4|Blowfish)(?:/[^\"]*)?)\"");
		Map<String, List<String>> found = matches(SOURCES, ".java", weak);
		found.remove(SOURCES.resolve("portal/identity/credentials/Totp.java").toString() + " \"HmacSHA1\"");
		// Pwned Passwords lists are keyed by SHA-1: the digest only finds a password in that list, it protects nothing.
		found.remove(SOURCES.resolve("portal/identity/credentials/BreachedPasswords.java").toString() + " \"SHA-1\"");
		assertThat(found).as("weak algorithm names in main code").isEmpty();
		assertThat(calls(SOURCES, "MessageDigest.getInstance(")).as("digest algorithms").isNotEmpty()
			.allMatch(argument -> argument.equals("\"SHA-256\"") || argument.equals("\"SHA-512\"")
					|| argument.equals("\"SHA-1\""));
		assertThat(fileWith("MessageDigest.getInstance(\"SHA-1\")")).as("the one SHA-1 user: the breached-password list")
			.containsExactly(SOURCES.resolve("portal/identity/credentials/BreachedPasswords.java").toString());
		assertThat(calls(SOURCES, "Mac.getInstance(")).as("MAC algorithms")
			.allMatch(argument -> argument.equals("\"HmacSHA256\"") || argument.equals("\"HmacSHA1\""));
		assertThat(fileWith("Mac.getInstance(\"HmacSHA1\")")).as("the one HMAC-SHA1 user")
			.containsExactly(SOURCES.resolve("portal/identity/credentials/Totp.java").toString());
	}

	@Test
	@DisplayName("R-6.2 ASVS 11.2.1 no home-made cryptography: JCA providers only, and every cipher is AES-GCM")
	void noHomeMadeCryptography() {
		noClasses().should().beAssignableTo(java.security.Provider.class)
			.orShould().beAssignableTo(javax.crypto.CipherSpi.class)
			.orShould().beAssignableTo(java.security.MessageDigestSpi.class)
			.orShould().beAssignableTo(javax.crypto.MacSpi.class)
			.orShould().beAssignableTo(java.security.SecureRandomSpi.class)
			.orShould().beAssignableTo(java.security.SignatureSpi.class)
			.orShould().dependOnClassesThat().resideInAPackage("org.bouncycastle.crypto.engines..")
			.check(PORTAL);
		assertThat(calls(SOURCES, "Cipher.getInstance(")).as("ciphers").isNotEmpty()
			.allMatch(argument -> argument.equals("\"AES/GCM/NoPadding\""));
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.3.10 format strings are always literals or constants, never data")
	void formatStringsAreLiterals() {
		List<String> offences = new ArrayList<>();
		Pattern format = Pattern.compile("String\\.format\\(\\s*(?:Locale\\.[A-Z]+\\s*,\\s*)?([^,)]+)");
		Pattern formatted = Pattern.compile("([A-Za-z0-9_\"]+)\\s*\\.formatted\\(");
		Pattern constant = Pattern.compile("[A-Z][A-Z0-9_]*");
		eachSource(SOURCES, ".java", (file, text) -> {
			Matcher f = format.matcher(text);
			while (f.find()) {
				if (!f.group(1).strip().startsWith("\"") && !constant.matcher(f.group(1).strip()).matches()) {
					offences.add(file + ": String.format(" + f.group(1));
				}
			}
			Matcher g = formatted.matcher(text);
			while (g.find()) {
				String receiver = g.group(1);
				if (!receiver.endsWith("\"") && !constant.matcher(receiver).matches()) {
					offences.add(file + ": " + receiver + ".formatted(");
				}
			}
			for (String call : List.of("MessageFormat.format(", "printf(")) {
				for (String argument : argumentsOf(text, call)) {
					if (!argument.startsWith("\"") && !constant.matcher(argument).matches()) {
						offences.add(file + ": " + call + argument);
					}
				}
			}
		});
		assertThat(offences).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.3.7 view names in controllers are literals; only redirect targets are built from values")
	void templateNamesAreConstants() {
		List<String> offences = new ArrayList<>();
		Pattern returned = Pattern.compile("return\\s+([^;]*);");
		Pattern modelAndView = Pattern.compile("new ModelAndView\\(\\s*([^,)]+)");
		Pattern viewCall = Pattern.compile("\\bview\\(([^;{]*?)\\);");
		eachSource(SOURCES, ".java", (file, text) -> {
			if (!text.contains("\n@Controller")) {
				return;
			}
			Matcher r = returned.matcher(text);
			while (r.find()) {
				String value = r.group(1).strip();
				// A view name built by concatenation: allowed only for redirects to a path of the portal.
				// Allowed: redirects, link paths built for the model ("/…", never a view name), and the
				// htmx helpers that join a literal template and fragment (their callers are checked below).
				boolean allowed = value.startsWith("\"redirect:") || value.startsWith("\"/")
						|| value.endsWith("template + \" :: \" + fragment : template");
				if ((value.startsWith("\"") || value.contains(" :: ")) && value.contains("+") && !allowed) {
					offences.add(file + ": return " + value);
				}
			}
			Matcher m = modelAndView.matcher(text);
			while (m.find()) {
				String view = m.group(1).strip();
				if (!view.startsWith("\"") && !view.startsWith("new ProblemView(") && !view.equals("view")) {
					offences.add(file + ": new ModelAndView(" + view);
				}
			}
			Matcher v = viewCall.matcher(text);
			while (v.find()) {
				if (!v.group(1).contains("\"")) {
					continue; // a helper's own declaration or a pass-through of its parameters
				}
				long literals = Pattern.compile("\"[a-z-]+(?:/[a-z-]+)*\"").matcher(v.group(1)).results().count();
				if (literals == 0) {
					offences.add(file + ": view(" + v.group(1));
				}
			}
		});
		// The error page picks its view by status code from a fixed switch.
		eachSource(SOURCES.resolve("portal/platform/problems"), "ErrorPages.java", (file, text) ->
			assertThat(text).contains("case 403, 404, 500 -> \"error/\" + status.value();"));
		assertThat(offences).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.2.9 no regular expression is compiled from request data")
	void regularExpressionsAreNotBuiltFromRequests() {
		Map<String, List<String>> compiled = new TreeMap<>();
		eachSource(SOURCES, ".java", (file, text) -> {
			for (String call : List.of("Pattern.compile(", ".matches(", "replaceAll(", "replaceFirst(", ".split(")) {
				for (String argument : argumentsOf(text, call)) {
					boolean literal = argument.startsWith("\"") || argument.matches("[A-Z][A-Z0-9_]*");
					boolean matcherCall = call.equals(".matches(") && !argument.startsWith("\"");
					if (!literal && !matcherCall) {
						compiled.computeIfAbsent(file, k -> new ArrayList<>()).add(call + argument);
					}
				}
			}
		});
		// Catalogue descriptors are files the operator ships, read at start-up; their patterns validate values.
		assertThat(compiled).containsOnlyKeys(SOURCES.resolve("portal/catalog/descriptor/ConstraintsReader.java").toString());
		assertThat(compiled.values().iterator().next()).containsExactly("Pattern.compile(regex");
	}

	@Test
	@DisplayName("R-20.2 ASVS 3.2.2 the portal's scripts never write HTML or evaluate text")
	void scriptsUseSafeRenderingOnly() {
		Pattern unsafe = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\("
				+ "|setTimeout\\(\\s*['\"`]|setInterval\\(\\s*['\"`]|\\.html\\(|DOMParser|createContextualFragment");
		assertThat(scripts()).isNotEmpty();
		assertThat(matches(SCRIPTS, ".js", unsafe)).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 15.3.6 the portal's scripts merge nothing into objects and never touch prototypes")
	void scriptsCannotPolluteThePrototype() {
		Pattern merging = Pattern.compile("Object\\.assign|__proto__|\\.prototype\\b|constructor\\s*\\[|\\$\\.extend|"
				+ "Object\\.setPrototypeOf|Object\\.defineProperty|\\.\\.\\.\\s*(?:JSON|data|params|event\\.detail)");
		assertThat(matches(SCRIPTS, ".js", merging)).isEmpty();
		// Dynamic property writes (obj[key] = value) could set __proto__ from data; none exist.
		assertThat(matches(SCRIPTS, ".js", Pattern.compile("\\w\\[[^\\]'\"0-9][^\\]]*\\]\\s*=[^=]"))).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 13.4.2 no developer tools on the class path and no debug settings in the shipped configuration")
	void noDeveloperTools() throws IOException {
		assertThat(System.getProperty("java.class.path")).doesNotContain("spring-boot-devtools")
			.doesNotContain("h2console");
		assertThat(getClass().getClassLoader()
			.getResource("org/springframework/boot/devtools/RemoteSpringApplication.class")).isNull();
		assertThat(Files.readString(Path.of("pom.xml"))).doesNotContain("spring-boot-devtools");
		String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
		assertThat(configuration).contains("include-stacktrace: never", "include-message: never",
				"include-exception: false", "show-details: never")
			.doesNotContain("debug: true", "trace: true", "include: \"*\"", "include: '*'", "include: *");
	}

	@Test
	@DisplayName("R-20.2 ASVS 1.2.3 no template builds a script or an event handler from data: scripts are files, data stays in HTML")
	void templatesBuildNoScripts() {
		Pattern inline = Pattern.compile("th:inline=\"javascript\"|th:on[a-z]+=|<script(?![^>]*\\bth:src=)[^>]*>|\\bon[a-z]+=\"[^\"]*\\$\\{");
		assertThat(matches(TEMPLATES, ".html", inline)).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 3.7.1 pages load only the portal's own scripts, htmx, Bootstrap and Chart.js, and no plug-in content")
	void onlySupportedClientTechnologies() {
		Pattern source = Pattern.compile("<script[^>]*th:src=\"@\\{([^}]+)}\"");
		List<String> sources = new ArrayList<>();
		eachSource(TEMPLATES, ".html", (file, text) -> source.matcher(text).results().forEach(r -> sources.add(r.group(1))));
		assertThat(sources).isNotEmpty().allMatch(src -> src.matches("/assets/js/[a-z-]+\\.js")
				|| src.startsWith("/webjars/htmx.org/") || src.startsWith("/webjars/bootstrap/")
				|| src.startsWith("/webjars/chart.js/"), "is the portal's own script, htmx, Bootstrap or Chart.js");
		assertThat(matches(TEMPLATES, ".html", Pattern.compile("(?i)<(object|embed|applet)\\b|\\.swf\\b|\\.jnlp\\b|<script[^>]*src=\"(?:https?:)?//"))).isEmpty();
	}

	@Test
	@DisplayName("R-20.2 ASVS 13.2.4 the portal opens no outbound connection of its own: only the database driver and the mail sender connect out")
	void noOutboundConnectionsBeyondDatabaseAndMail() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
			.orShould().callMethod(java.net.URL.class, "openConnection")
			.orShould().callMethod(java.net.URL.class, "openStream")
			.orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
					"org.springframework.web.reactive.function.client..", "org.apache.hc..", "okhttp3..")
			.check(PORTAL);
	}

	@Test
	@DisplayName("R-20.2 ASVS 14.3.3 the portal's scripts keep nothing sensitive in the browser: one dismissal flag and the time zone cookie")
	void scriptsStoreNothingSensitive() {
		assertThat(matches(SCRIPTS, ".js", Pattern.compile("localStorage|indexedDB|caches\\.open|openDatabase"))).isEmpty();
		List<String> storage = new ArrayList<>();
		eachSource(SCRIPTS, ".js", (file, text) -> Pattern.compile("sessionStorage\\.(\\w+)\\(([^,)]*)").matcher(text)
			.results().forEach(r -> storage.add(r.group(1) + "(" + r.group(2).strip())));
		assertThat(storage).containsOnly("getItem(DISMISSED_KEY", "setItem(DISMISSED_KEY");
		List<String> cookieWriters = new ArrayList<>();
		eachSource(SCRIPTS, ".js", (file, text) -> {
			if (Pattern.compile("document\\.cookie\\s*=[^=]").matcher(text).find()) {
				cookieWriters.add(Path.of(file).getFileName().toString());
			}
		});
		assertThat(cookieWriters).containsExactly("time-zone.js");
	}

	// --- reading sources -------------------------------------------------------------------

	interface SourceVisitor {

		void visit(String file, String text);
	}

	private static void eachSource(Path root, String suffix, SourceVisitor visitor) {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
				visitor.visit(file.toString(), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> scripts() {
		List<String> names = new ArrayList<>();
		eachSource(SCRIPTS, ".js", (file, text) -> names.add(file));
		return names;
	}

	/** Each file and match of the pattern, keyed "file match". */
	private static Map<String, List<String>> matches(Path root, String suffix, Pattern pattern) {
		Map<String, List<String>> found = new TreeMap<>();
		eachSource(root, suffix, (file, text) -> pattern.matcher(text).results()
			.forEach(result -> found.computeIfAbsent(file + " " + result.group(), k -> new ArrayList<>())
				.add(result.group())));
		return found;
	}

	/** The first argument of every call to the method in main code. */
	private static List<String> calls(Path root, String call) {
		List<String> arguments = new ArrayList<>();
		eachSource(root, ".java", (file, text) -> arguments.addAll(argumentsOf(text, call)));
		return arguments;
	}

	private static List<String> fileWith(String text) {
		List<String> files = new ArrayList<>();
		eachSource(SOURCES, ".java", (file, content) -> {
			if (content.contains(text)) {
				files.add(file);
			}
		});
		return files;
	}

	private static List<String> argumentsOf(String text, String call) {
		List<String> arguments = new ArrayList<>();
		int at = text.indexOf(call);
		while (at >= 0) {
			int start = at + call.length();
			int end = start;
			int depth = 0;
			boolean quoted = false;
			while (end < text.length()) {
				char c = text.charAt(end);
				if (c == '"' && text.charAt(end - 1) != '\\') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '(' || c == '[' || c == '{')) {
					depth++;
				}
				else if (!quoted && (c == ')' || c == ']' || c == '}')) {
					if (depth == 0) {
						break;
					}
					depth--;
				}
				else if (!quoted && c == ',' && depth == 0) {
					break;
				}
				end++;
			}
			String argument = text.substring(start, end).strip();
			if (!argument.isEmpty()) {
				arguments.add(argument);
			}
			at = text.indexOf(call, end);
		}
		return arguments;
	}
}
