package org.openionm.cases.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.openionm.cases.AuditActions;
import org.openionm.cases.Role;
import org.openionm.cases.User;
import org.openionm.cases.UserDirectory;

/**
 * Local accounts in the {@code users} table, Argon2id-hashed ({@link PasswordHasher}). Every change
 * commits together with its audit entry; the audit append also serialises changes that must not race
 * (the first administrator, the demo account) because it locks the audit head.
 */
public final class JdbcUserDirectory implements UserDirectory {

    public static final String DEMO_USERNAME = "demo";
    public static final String DEMO_DISPLAY_NAME = "Demo technologist (not a real user)";
    /** The actor of what the workbench does by itself. */
    public static final String SYSTEM = "system";
    public static final int DEFAULT_MINIMUM_PASSWORD_LENGTH = 8;
    /** Argon2 takes any length; the cap only keeps a pasted file out. */
    static final int MAXIMUM_PASSWORD_LENGTH = 1024;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final Set<String> RESERVED = Set.of(SYSTEM, DEMO_USERNAME);
    private static final String COLUMNS = "username, display_name, credentials, roles, demo, active, password_hash";

    private final DataSource dataSource;
    private final AuditWriter audit;
    private final PasswordHasher hasher;
    private final int minimumPasswordLength;
    private final Clock clock;

    public JdbcUserDirectory(DataSource dataSource, AuditWriter audit, PasswordHasher hasher, int minimumPasswordLength, Clock clock) {
        if (minimumPasswordLength < 1 || minimumPasswordLength > MAXIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be 1–" + MAXIMUM_PASSWORD_LENGTH + ", was "
                    + minimumPasswordLength);
        }
        this.dataSource = dataSource;
        this.audit = audit;
        this.hasher = hasher;
        this.minimumPasswordLength = minimumPasswordLength;
        this.clock = clock;
    }

    @Override
    public int minimumPasswordLength() {
        return minimumPasswordLength;
    }

    @Override
    public User create(String username, String displayName, String credentials, Set<Role> roles, char[] password, User actor) {
        requireAdministrator(actor, "create accounts");
        return insert(normalise(username), displayName, credentials, roles, password, actor.username(), false);
    }

    @Override
    public boolean firstAdministratorNeeded() {
        return query("select count(*) from users where demo = false", rs -> rs.next() && rs.getLong(1) == 0);
    }

    @Override
    public User createFirstAdministrator(String username, String displayName, String credentials, char[] password) {
        return insert(normalise(username), displayName, credentials, EnumSet.of(Role.ADMINISTRATOR), password, normalise(username), true);
    }

    private User insert(String username, String displayName, String credentials, Set<Role> roles, char[] password, String actor,
            boolean firstAdministrator) {
        List<String> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add("username must be 3–32 characters: a letter, then letters, digits, '.', '_' or '-', was '" + username + "'");
        } else if (RESERVED.contains(username)) {
            problems.add("username '" + username + "' is reserved");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            problems.add("display name must be 1–200 characters");
        }
        if (credentials != null && credentials.length() > 100) {
            problems.add("credentials must be at most 100 characters");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("an account needs at least one role");
        }
        passwordProblem(password).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String hash = hasher.hash(password);
        User user = new User(username, displayName.trim(), credentials == null ? "" : credentials.trim(), roles, false, true);
        return JdbcAuditTrail.inTransaction(dataSource, c -> {
            // appended first: its head lock serialises this check and insert against other workbenches
            audit.append(c, actor, AuditActions.USER_CREATED, "", "user " + username + " (" + user.displayName() + "), roles "
                    + roleNames(roles) + (firstAdministrator ? ", first administrator of this installation" : ""));
            if (firstAdministrator && count(c, "select count(*) from users where demo = false") > 0) {
                throw new IllegalStateException("the first administrator exists already: accounts are created by an administrator");
            }
            if (row(c, username).isPresent()) {
                throw new IllegalArgumentException("username '" + username + "' is taken");
            }
            write(c, user, hash);
            return user;
        });
    }

    @Override
    public Optional<User> authenticate(String username, char[] password) {
        String name = normalise(username);
        Optional<Row> row = row(name);
        String failure;
        if (row.isEmpty()) {
            hasher.matchesNothing(password);
            failure = "unknown user";
        } else if (row.get().passwordHash() == null) {
            hasher.matchesNothing(password);
            failure = "the account has no password (demo account)";
        } else if (!hasher.matches(password, row.get().passwordHash())) {
            failure = "wrong password";
        } else if (!row.get().user().active()) {
            failure = "account disabled";
        } else {
            if (hasher.needsRehash(row.get().passwordHash())) {
                // parameters were raised since this hash was made: replace it now that the password is known
                updateHash(name, hasher.hash(password));
            }
            audit(name, AuditActions.LOGIN, "");
            return Optional.of(row.get().user());
        }
        audit(actorOf(username), AuditActions.LOGIN_FAILED, failure);
        return Optional.empty();
    }

    @Override
    public boolean verifyPassword(User user, char[] password) {
        Optional<Row> row = row(user.username());
        boolean ok = row.isPresent() && row.get().passwordHash() != null && row.get().user().active()
                && hasher.matches(password, row.get().passwordHash());
        if (!ok) {
            audit(user.username(), AuditActions.LOGIN_FAILED, "wrong password re-entered");
        }
        return ok;
    }

    @Override
    public void changePassword(String username, char[] newPassword, User actor) {
        String name = normalise(username);
        if (!actor.username().equals(name)) {
            requireAdministrator(actor, "change another user's password");
        }
        Row row = row(name).orElseThrow(() -> new IllegalArgumentException("no account '" + name + "'"));
        if (row.user().demo()) {
            throw new IllegalArgumentException("the demo account has no password and cannot get one");
        }
        passwordProblem(newPassword).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String hash = hasher.hash(newPassword);
        JdbcAuditTrail.inTransaction(dataSource, c -> {
            audit.append(c, actor.username(), AuditActions.PASSWORD_CHANGED, "", "password of " + name + " changed");
            setHash(c, name, hash);
            return null;
        });
    }

    @Override
    public User setActive(String username, boolean active, User actor) {
        requireAdministrator(actor, (active ? "enable" : "disable") + " accounts");
        String name = normalise(username);
        return JdbcAuditTrail.inTransaction(dataSource, c -> {
            audit.append(c, actor.username(), active ? AuditActions.USER_ENABLED : AuditActions.USER_DISABLED, "", "user " + name);
            Row row = row(c, name).orElseThrow(() -> new IllegalArgumentException("no account '" + name + "'"));
            if (!active && row.user().has(Role.ADMINISTRATOR) && row.user().active() && activeAdministrators(c) == 1) {
                throw new IllegalStateException("'" + name + "' is the last active administrator and cannot be disabled");
            }
            try (PreparedStatement ps = c.prepareStatement("update users set active = ? where username = ?")) {
                ps.setBoolean(1, active);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            User u = row.user();
            return new User(u.username(), u.displayName(), u.credentials(), u.roles(), u.demo(), active);
        });
    }

    @Override
    public Optional<User> find(String username) {
        return row(normalise(username)).map(Row::user);
    }

    @Override
    public List<User> list() {
        return query("select " + COLUMNS + " from users order by username", rs -> {
            List<User> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs).user());
            }
            return out;
        });
    }

    @Override
    public User demoTechnologist() {
        Optional<User> existing = find(DEMO_USERNAME);
        if (existing.isPresent()) {
            return existing.get();
        }
        User demo = new User(DEMO_USERNAME, DEMO_DISPLAY_NAME, "", EnumSet.of(Role.TECHNOLOGIST), true, true);
        return JdbcAuditTrail.inTransaction(dataSource, c -> {
            audit.append(c, SYSTEM, AuditActions.USER_CREATED, "", "user demo (" + DEMO_DISPLAY_NAME
                    + "), roles TECHNOLOGIST, no password: logged in only by the demo workbench");
            Optional<Row> raced = row(c, DEMO_USERNAME);
            if (raced.isPresent()) {
                // another workbench created it meanwhile: undo this entry, keep theirs
                c.rollback();
                return raced.get().user();
            }
            write(c, demo, null);
            return demo;
        });
    }

    private void requireAdministrator(User actor, String what) {
        Optional<User> current = actor == null ? Optional.empty() : find(actor.username());
        if (current.isEmpty() || !current.get().active() || current.get().demo() || !current.get().has(Role.ADMINISTRATOR)) {
            throw new SecurityException("only an active administrator may " + what + ", not "
                    + (actor == null ? "nobody" : "'" + actor.username() + "'"));
        }
    }

    private Optional<String> passwordProblem(char[] password) {
        if (password == null || password.length < minimumPasswordLength) {
            return Optional.of("password must be at least " + minimumPasswordLength + " characters");
        }
        if (password.length > MAXIMUM_PASSWORD_LENGTH) {
            return Optional.of("password must be at most " + MAXIMUM_PASSWORD_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private void audit(String actor, String action, String detail) {
        JdbcAuditTrail.inTransaction(dataSource, c -> audit.append(c, actor, action, "", detail));
    }

    private void updateHash(String username, String hash) {
        JdbcAuditTrail.inTransaction(dataSource, c -> {
            setHash(c, username, hash);
            return null;
        });
    }

    private static void setHash(Connection c, String username, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update users set password_hash = ? where username = ?")) {
            ps.setString(1, hash);
            ps.setString(2, username);
            ps.executeUpdate();
        }
    }

    private void write(Connection c, User u, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into users (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, u.username());
            ps.setString(2, u.displayName());
            ps.setString(3, u.credentials());
            ps.setString(4, roleNames(u.roles()));
            ps.setBoolean(5, u.demo());
            ps.setBoolean(6, u.active());
            ps.setString(7, hash);
            ps.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long activeAdministrators(Connection c) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("select roles from users where active = true and demo = false");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n += parseRoles(rs.getString(1)).contains(Role.ADMINISTRATOR) ? 1 : 0;
            }
        }
        return n;
    }

    private record Row(User user, String passwordHash) {
    }

    private Optional<Row> row(String username) {
        try (Connection c = dataSource.getConnection()) {
            return row(c, username);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read account '" + username + "': " + e.getMessage(), e);
        }
    }

    private static Optional<Row> row(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from users where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new User(rs.getString(1), rs.getString(2), rs.getString(3), parseRoles(rs.getString(4)), rs.getBoolean(5),
                rs.getBoolean(6)), rs.getString(7));
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read accounts: " + e.getMessage(), e);
        }
    }

    private static Set<Role> parseRoles(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(s -> Role.valueOf(s.trim()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(","));
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** What a failed login is attributed to: the name as typed, without control characters, cut to the column's 64. */
    private static String actorOf(String typed) {
        String s = typed == null ? "" : typed.trim().replaceAll("\\p{Cntrl}", "?");
        s = s.isEmpty() ? "(empty)" : s;
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
