package portal.agreements.desk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import portal.agreements.AgreementRefusal;

/**
 * What an applicant submits: the company, its contact person, the relevant-service
 * contracts it holds and its first administrator, who the applicant confirms has consented
 * to the Terms of Personal Information Protection. {@link #checked()} refuses the
 * first field that is not acceptable.
 */
public record Applicant(String legalName, String registeredAddress, String country, Person contact,
		List<String> contractNumbers, Person administrator, String language, boolean consentConfirmed) {

	/** A person named in an application. */
	public record Person(String name, String email, String phone) {
	}

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,24}$");

	private static final Pattern CONTRACT_NO = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-_/.]{0,63}$");

	static final int MAX_CONTRACTS = 20;

	/** The same application, trimmed and checked field by field. */
	public Applicant checked() {
		String name = text("legalName", legalName, 200);
		String address = text("registeredAddress", registeredAddress, 500);
		String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(code)) {
			throw AgreementRefusal.invalid("country", "country", "use an ISO 3166-1 alpha-2 country code, such as JP.");
		}
		Person checkedContact = person("contact", contact);
		List<String> contracts = contracts();
		Person checkedAdministrator = person("administrator", administrator);
		if (!consentConfirmed) {
			throw AgreementRefusal.invalid("consentConfirmed", "consent",
					"confirm that the first administrator consented to the Terms of Personal Information Protection.");
		}
		String lang = "ja".equals(language) ? "ja" : "en";
		return new Applicant(name, address, code, checkedContact, contracts, checkedAdministrator, lang, true);
	}

	private List<String> contracts() {
		List<String> numbers = new ArrayList<>(new LinkedHashSet<>((contractNumbers == null ? List.<String>of()
				: contractNumbers).stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList()));
		if (numbers.isEmpty()) {
			throw AgreementRefusal.invalid("contractNumbers", "contracts",
					"name at least one relevant-service contract your company holds.");
		}
		if (numbers.size() > MAX_CONTRACTS) {
			throw AgreementRefusal.invalid("contractNumbers", "contracts-many",
					"name at most " + MAX_CONTRACTS + " contracts.");
		}
		for (String number : numbers) {
			if (!CONTRACT_NO.matcher(number).matches()) {
				throw AgreementRefusal.invalid("contractNumbers", "contract-number",
						"a contract number is letters, digits, - _ / and . only: " + number.substring(0,
								Math.min(number.length(), 64)));
			}
		}
		return List.copyOf(numbers);
	}

	private static Person person(String prefix, Person person) {
		Person given = person == null ? new Person(null, null, null) : person;
		String name = text(prefix + ".name", given.name(), 100);
		String email = given.email() == null ? "" : given.email().strip();
		if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			throw AgreementRefusal.invalid(prefix + ".email", "email", "give a valid email address.");
		}
		String phone = given.phone() == null ? "" : given.phone().strip();
		if (!PHONE.matcher(phone).matches()) {
			throw AgreementRefusal.invalid(prefix + ".phone", "phone",
					"give a telephone number of digits, spaces, +, - or brackets.");
		}
		return new Person(name, email, phone);
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw AgreementRefusal.invalid(field, "required", "this is required.");
		}
		if (value.strip().length() > max) {
			throw AgreementRefusal.invalid(field, "too-long", "at most " + max + " characters.");
		}
		return value.strip();
	}
}
