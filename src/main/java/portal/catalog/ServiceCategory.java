package portal.catalog;

/** The family a relevant service belongs to, used to group services on pages. */
public enum ServiceCategory implements Coded {

	NETWORK("network"),
	SECURITY("security"),
	CLOUD("cloud"),
	DATA_CENTRE("data-centre"),
	VOICE("voice"),
	CONTACT_CENTRE("contact-centre"),
	API("api"),
	INTERNET("internet"),
	MOBILE("mobile"),
	FIBRE("fibre"),
	RECORDING("recording");

	private final String code;

	ServiceCategory(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return code;
	}
}
