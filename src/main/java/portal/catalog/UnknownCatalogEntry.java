package portal.catalog;

import org.springframework.http.HttpStatus;
import portal.platform.PortalException;

/** A relevant service or contracting company the catalog does not list under that key or code. */
public class UnknownCatalogEntry extends PortalException {

	private UnknownCatalogEntry(String what, String key) {
		super("catalog-entry-not-found", HttpStatus.NOT_FOUND, "The catalog lists no " + what + " '" + key + "'.");
	}

	public static UnknownCatalogEntry service(String key) {
		return new UnknownCatalogEntry("relevant service", key);
	}

	public static UnknownCatalogEntry company(String code) {
		return new UnknownCatalogEntry("contracting company", code);
	}
}
