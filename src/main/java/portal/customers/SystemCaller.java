package portal.customers;

/**
 * A relevant-service system signed in with the API key of one contracting company. Other
 * modules' system APIs take it as their principal to learn whose instances the caller may write.
 */
public interface SystemCaller {

	String contractingCompany();
}
