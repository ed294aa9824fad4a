package portal.catalog;

/**
 * The type of an instance attribute or an order parameter. Submitted values may arrive
 * as text (forms) or as JSON scalars; both are accepted when they mean the same value.
 */
public enum ValueType implements Coded {

	STRING("string"),
	INTEGER("integer"),
	DECIMAL("decimal"),
	ENUM("enum"),
	DATE("date"),
	BOOLEAN("boolean");

	private final String code;

	ValueType(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return code;
	}

	/** Whether min and max limits apply to values of this type. */
	public boolean numeric() {
		return this == INTEGER || this == DECIMAL;
	}
}
