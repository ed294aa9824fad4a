package portal.identity.profile;

/** One group company that may use a user's personal information jointly, and where (R-PI.2). */
public record JointUse(String companyCode, String companyName, String country) {
}
