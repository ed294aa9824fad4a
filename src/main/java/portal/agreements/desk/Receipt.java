package portal.agreements.desk;

/** What an applicant keeps: the receipt number and the token that shows the application's state. */
public record Receipt(long receiptNo, String token) {
}
