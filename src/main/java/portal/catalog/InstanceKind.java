package portal.catalog;

/** What one service instance of a relevant service is, as a customer would point at it. */
public enum InstanceKind implements Coded {

	CIRCUIT("circuit"),
	PBX_TENANT("pbx-tenant"),
	CONTACT_CENTER_TENANT("contact-center-tenant"),
	VOICE_LINE("voice-line"),
	SIM_LINE("sim-line"),
	SECURITY_DEVICE("security-device"),
	DATA_PLATFORM_PROJECT("data-platform-project"),
	DATA_CENTRE_SPACE("data-centre-space"),
	API_PRODUCT("api-product"),
	INTERNET_ACCESS("internet-access"),
	FIBRE_LINE("fibre-line"),
	HOME_ROUTER("home-router"),
	FIXED_LINE("fixed-line"),
	RECORDER("recorder");

	private final String code;

	InstanceKind(String code) {
		this.code = code;
	}

	@Override
	public String code() {
		return code;
	}
}
