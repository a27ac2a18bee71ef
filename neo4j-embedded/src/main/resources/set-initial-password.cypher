// Set the password of the built-in user; run on the system database by Launcher.java.
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
