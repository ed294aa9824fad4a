package portal.identity.credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("R-6.2 Breached passwords from an offline corpus (ASVS 6.2.12)")
@Timeout(120) // a search that stops narrowing would otherwise never end
class BreachedPasswordsTests {

	static final String BREACHED = "correct horse battery staple";

	static final String ALSO_BREACHED = "Tr0ub4dor&3 is long enough";

	static final String CLEAN = "a sentence nobody leaked yet";

	@TempDir
	Path dir;

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 a password whose hash is in the corpus is refused beside the field; one that is not passes")
	void refusesBreachedPasswords() throws IOException {
		Path file = textCorpus("\n", 2_000, BREACHED, ALSO_BREACHED);
		PasswordPolicy policy = new PasswordPolicy(file.toString());
		try {
			assertThat(policy.check(BREACHED, "CP01000011", "Ann Lee")).containsExactly("identity.password.breached");
			assertThat(policy.check(ALSO_BREACHED, "CP01000011", "Ann Lee")).containsExactly("identity.password.breached");
			assertThat(policy.check(CLEAN, "CP01000011", "Ann Lee")).isEmpty();
			// The hash is of the exact password: case matters, as in the published list.
			assertThat(policy.check(BREACHED.toUpperCase(), "CP01000011", "Ann Lee")).isEmpty();
		}
		finally {
			policy.close();
		}
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 every line is found, the first and the last included, and their neighbours are not")
	void findsEveryLineAndNoNeighbour() throws IOException {
		for (String newline : List.of("\n", "\r\n")) {
			List<byte[]> hashes = new ArrayList<>();
			Path file = textCorpus(newline, 3_000, hashes);
			BreachedPasswords corpus = BreachedPasswords.open(file);
			try {
				assertThat(corpus.containsHash(hashes.get(0))).as("first line, %s", escaped(newline)).isTrue();
				assertThat(corpus.containsHash(hashes.get(hashes.size() - 1))).as("last line").isTrue();
				for (byte[] hash : hashes) {
					assertThat(corpus.containsHash(hash)).as(HexFormat.of().formatHex(hash)).isTrue();
					assertThat(corpus.containsHash(neighbour(hash, 1))).isEqualTo(contains(hashes, neighbour(hash, 1)));
					assertThat(corpus.containsHash(neighbour(hash, -1))).isEqualTo(contains(hashes, neighbour(hash, -1)));
				}
				assertThat(corpus.containsHash(new byte[20])).isFalse();
				byte[] top = new byte[20];
				Arrays.fill(top, (byte) 0xff);
				assertThat(corpus.containsHash(top)).isFalse();
			}
			finally {
				corpus.close();
			}
		}
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 a byte-order mark, lower-case hex, no final newline or a blank last line do not confuse the search")
	void toleratesTheFileAsDownloaded() throws IOException {
		List<byte[]> hashes = sortedHashes(500, new Random(7), BREACHED);
		StringBuilder text = new StringBuilder("\uFEFF");
		for (int i = 0; i < hashes.size(); i++) {
			String hex = HexFormat.of().formatHex(hashes.get(i));
			text.append(i % 2 == 0 ? hex : hex.toUpperCase()).append(':').append(i * 37 + 1);
			if (i < hashes.size() - 1) {
				text.append("\r\n");
			}
		}
		Path unterminated = Files.writeString(dir.resolve("unterminated.txt"), text, StandardCharsets.UTF_8);
		Path blankEnd = Files.writeString(dir.resolve("blank-end.txt"), text + "\r\n\r\n", StandardCharsets.UTF_8);
		for (Path file : List.of(unterminated, blankEnd)) {
			BreachedPasswords corpus = BreachedPasswords.open(file);
			try {
				assertThat(hashes).allSatisfy(hash -> assertThat(corpus.containsHash(hash)).isTrue());
				assertThat(corpus.contains(BREACHED)).isTrue();
				assertThat(corpus.contains(CLEAN)).isFalse();
			}
			finally {
				corpus.close();
			}
		}
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 the compact forms (whole hashes, 8-byte prefixes) answer like the text form")
	void compactForms() throws IOException {
		List<byte[]> hashes = sortedHashes(2_000, new Random(11), BREACHED, ALSO_BREACHED);
		for (int width : new int[] { 20, 8 }) {
			Path file = dir.resolve("corpus-" + width + ".bin");
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(("PWNED" + (width == 20 ? "20" : "08") + "\n").getBytes(StandardCharsets.US_ASCII));
				for (byte[] hash : hashes) {
					out.write(hash, 0, width);
				}
			}
			BreachedPasswords corpus = BreachedPasswords.open(file);
			try {
				assertThat(corpus.contains(BREACHED)).isTrue();
				assertThat(corpus.contains(ALSO_BREACHED)).isTrue();
				assertThat(corpus.contains(CLEAN)).isFalse();
				assertThat(corpus.containsHash(hashes.get(0))).isTrue();
				assertThat(corpus.containsHash(hashes.get(hashes.size() - 1))).isTrue();
				assertThat(hashes).allSatisfy(hash -> assertThat(corpus.containsHash(hash)).isTrue());
			}
			finally {
				corpus.close();
			}
		}
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 the README's command builds the compact form from the text form")
	void readmeCommandBuildsCompactForm() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/xxd")), "xxd is installed");
		Path text = textCorpus("\r\n", 300, BREACHED);
		Path compact = dir.resolve("pwned.bin");
		Process build = new ProcessBuilder("sh", "-c",
				"{ printf 'PWNED08\\n'; cut -c1-16 \"$0\" | xxd -r -p; } > \"$1\"", text.toString(), compact.toString())
			.inheritIO()
			.start();
		assertThat(build.waitFor()).isZero();
		assertThat(Files.size(compact)).isEqualTo(8 + 8L * Files.readAllLines(text).size());
		BreachedPasswords corpus = BreachedPasswords.open(compact);
		try {
			assertThat(corpus.contains(BREACHED)).isTrue();
			assertThat(corpus.contains(CLEAN)).isFalse();
		}
		finally {
			corpus.close();
		}
	}

	@Test
	@DisplayName("R-6.2 ASVS 6.2.12 a configured file that is missing or in another format stops the start with a clear message")
	void missingOrWrongFileStopsTheStart() throws IOException {
		Path missing = dir.resolve("missing.txt");
		assertThatThrownBy(() -> new PasswordPolicy(missing.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("breached-password file " + missing).hasMessageContaining("cannot be read");
		Path ntlm = Files.writeString(dir.resolve("ntlm.txt"), "00000000000000000000000000000000:3\n");
		assertThatThrownBy(() -> new PasswordPolicy(ntlm.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not usable").hasMessageContaining("SHA-1");
		Path empty = Files.createFile(dir.resolve("empty.txt"));
		assertThatThrownBy(() -> new PasswordPolicy(empty.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not usable");
		Path torn = Files.write(dir.resolve("torn.bin"), "PWNED20\nabc".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> new PasswordPolicy(torn.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("20-byte");
		assertThat(new PasswordPolicy("").check(BREACHED, "CP01000011", "Ann Lee")).as("no file: no corpus").isEmpty();
	}

	private Path textCorpus(String newline, int others, String... passwords) throws IOException {
		return textCorpus(newline, others, new ArrayList<>(), passwords);
	}

	// Writes a sorted corpus of random hashes and the passwords' hashes, with counts of varying width.
	private Path textCorpus(String newline, int others, List<byte[]> hashes, String... passwords) throws IOException {
		hashes.addAll(sortedHashes(others, new Random(others), passwords));
		Random counts = new Random(3);
		StringBuilder text = new StringBuilder();
		for (byte[] hash : hashes) {
			text.append(HexFormat.of().withUpperCase().formatHex(hash)).append(':')
				.append(1 + (long) Math.pow(10, counts.nextInt(9)) * counts.nextInt(9)).append(newline);
		}
		return Files.writeString(dir.resolve("corpus-" + others + "-" + newline.length() + ".txt"), text,
				StandardCharsets.US_ASCII);
	}

	private static List<byte[]> sortedHashes(int count, Random random, String... passwords) {
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] hash = new byte[20];
			random.nextBytes(hash);
			// Runs of near neighbours, so a search must tell apart hashes that differ late.
			hashes.add(hash);
			if (i % 10 == 0) {
				hashes.add(neighbour(hash, 2));
			}
		}
		for (String password : passwords) {
			hashes.add(BreachedPasswords.sha1(password));
		}
		hashes.sort(Arrays::compareUnsigned);
		return hashes;
	}

	private static byte[] neighbour(byte[] hash, int delta) {
		byte[] next = hash.clone();
		next[19] = (byte) (next[19] + delta);
		return next;
	}

	private static boolean contains(List<byte[]> hashes, byte[] hash) {
		return hashes.stream().anyMatch(h -> Arrays.equals(h, hash));
	}

	private static String escaped(String newline) {
		return newline.replace("\r", "\\r").replace("\n", "\\n");
	}
}
