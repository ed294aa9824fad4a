package portal.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}, written before every start: TCP from this
 * machine with a SCRAM password, nothing else. initdb's file trusts every local
 * connection; the only exception kept is a trust line for the superuser while it has no
 * password yet, on the very first start, removed as soon as the password is set.
 */
final class HostBasedAccess {

	private HostBasedAccess() {
	}

	static void write(Path pgData, boolean superuserBootstrap) {
		StringBuilder conf = new StringBuilder("""
				# Written by the portal before every start: passwords (SCRAM) only, from this machine only.
				# TYPE  DATABASE  USER      ADDRESS        METHOD
				""");
		if (superuserBootstrap) {
			conf.append("host    all       postgres  127.0.0.1/32   trust\n");
			conf.append("host    all       postgres  ::1/128        trust\n");
		}
		conf.append("""
				host    all       all       127.0.0.1/32   scram-sha-256
				host    all       all       ::1/128        scram-sha-256
				""");
		try {
			Files.writeString(pgData.resolve("pg_hba.conf"), conf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write pg_hba.conf", ex);
		}
	}
}
