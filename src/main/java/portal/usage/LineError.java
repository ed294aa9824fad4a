package portal.usage;

/** Why one line of an ingestion body was not kept: its number (from 1), the field at fault and a message. */
public record LineError(long line, String field, String message) {
}
