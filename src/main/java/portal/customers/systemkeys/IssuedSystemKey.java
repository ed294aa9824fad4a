package portal.customers.systemkeys;

/** A key just issued, with the token its system will send; the only time the token exists. */
record IssuedSystemKey(SystemKeyView key, String token) {

	@Override
	public String toString() {
		return "IssuedSystemKey[" + key.id() + "]";
	}
}
