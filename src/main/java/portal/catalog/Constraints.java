package portal.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The limits on an attribute or parameter value: a numeric range, a maximum length and a
 * pattern (matched against the whole value) for text, the choices of an enum. Each limit
 * is optional, so absence is an empty {@link Optional} rather than a null component.
 */
public final class Constraints {

	private static final Constraints NONE = new Constraints(null, null, null, null, List.of());

	private final BigDecimal min;
	private final BigDecimal max;
	private final Integer maxLength;
	private final Pattern pattern;
	private final List<Choice> choices;

	private Constraints(BigDecimal min, BigDecimal max, Integer maxLength, Pattern pattern, List<Choice> choices) {
		this.min = min;
		this.max = max;
		this.maxLength = maxLength;
		this.pattern = pattern;
		this.choices = List.copyOf(choices);
	}

	public static Constraints none() {
		return NONE;
	}

	public Constraints withMin(BigDecimal min) {
		return new Constraints(Objects.requireNonNull(min), max, maxLength, pattern, choices);
	}

	public Constraints withMax(BigDecimal max) {
		return new Constraints(min, Objects.requireNonNull(max), maxLength, pattern, choices);
	}

	public Constraints withMaxLength(int maxLength) {
		return new Constraints(min, max, maxLength, pattern, choices);
	}

	public Constraints withPattern(Pattern pattern) {
		return new Constraints(min, max, maxLength, Objects.requireNonNull(pattern), choices);
	}

	public Constraints withChoices(List<Choice> choices) {
		return new Constraints(min, max, maxLength, pattern, choices);
	}

	public Optional<BigDecimal> min() {
		return Optional.ofNullable(min);
	}

	public Optional<BigDecimal> max() {
		return Optional.ofNullable(max);
	}

	public OptionalInt maxLength() {
		return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
	}

	public Optional<Pattern> pattern() {
		return Optional.ofNullable(pattern);
	}

	public List<Choice> choices() {
		return choices;
	}

	public Optional<Choice> choice(String key) {
		return choices.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Constraints that
				&& Objects.equals(min, that.min) && Objects.equals(max, that.max)
				&& Objects.equals(maxLength, that.maxLength)
				&& Objects.equals(regex(), that.regex())
				&& choices.equals(that.choices);
	}

	@Override
	public int hashCode() {
		return Objects.hash(min, max, maxLength, regex(), choices);
	}

	@Override
	public String toString() {
		return "Constraints[min=" + min + ", max=" + max + ", maxLength=" + maxLength
				+ ", pattern=" + regex() + ", choices=" + choices + "]";
	}

	// Pattern has identity equality; its source text is what makes two patterns the same.
	private String regex() {
		return pattern == null ? null : pattern.pattern();
	}
}
