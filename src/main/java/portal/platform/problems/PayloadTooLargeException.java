package portal.platform.problems;

import java.io.IOException;

/** A request body over the configured limit; answered with 413. */
public class PayloadTooLargeException extends IOException {

	public PayloadTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes.");
	}
}
