package io.links.command.tenancy;

import io.links.api.error.LinksException;
import io.links.api.tenancy.ApiKeyView;
import io.links.api.tenancy.OrganisationView;
import io.links.api.tenancy.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organisations and their API keys, in PostgreSQL.
 */
@Repository
public class TenancyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public TenancyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates an organisation and its first admin key, whose secret the answer shows this once. */
    @Transactional
    public OrganisationView createOrganisation(String name) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO organisation (id, name, created_at) VALUES (?, ?, ?)", id, name,
                Timestamp.from(now));
        ApiKeyView key = createKey(id, Role.ADMIN);
        return new OrganisationView(id, name, key.apiKey(), now);
    }

    /** The organisation called {@code name}, when there is one. */
    public Optional<String> findOrganisationByName(String name) {
        return jdbc.queryForList("SELECT id FROM organisation WHERE name = ? ORDER BY created_at LIMIT 1",
                String.class, name).stream().findFirst();
    }

    /** Creates a key of {@code role} for the organisation; the answer holds the secret. */
    @Transactional
    public ApiKeyView createKey(String organisationId, Role role) {
        String id = UUID.randomUUID().toString();
        String secret = Secrets.generate();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO api_key (id, organisation_id, role, secret_hash, prefix, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, organisationId, role.value(), Secrets.hash(secret),
                Secrets.prefix(secret), Timestamp.from(now));
        return new ApiKeyView(id, role, secret, Secrets.prefix(secret), now);
    }

    /** The organisation's keys, oldest first, without their secrets. */
    public List<ApiKeyView> listKeys(String organisationId) {
        return jdbc.query("SELECT id, role, prefix, created_at FROM api_key WHERE organisation_id = ? "
                + "ORDER BY created_at, id", (rs, row) -> new ApiKeyView(rs.getString("id"),
                Role.fromValue(rs.getString("role")), null, rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant()), organisationId);
    }

    /**
     * Deletes a key of the organisation. The last admin key cannot be deleted: the organisation would be left
     * with no way to manage its keys.
     */
    @Transactional
    public void deleteKey(String organisationId, String keyId) {
        List<String> roles = jdbc.queryForList("SELECT role FROM api_key WHERE organisation_id = ? AND id = ? "
                + "FOR UPDATE", String.class, organisationId, keyId);
        if (roles.isEmpty()) {
            throw LinksException.notFound("API key", keyId);
        }
        if (Role.ADMIN.value().equals(roles.get(0))) {
            List<String> admins = jdbc.queryForList("SELECT id FROM api_key WHERE organisation_id = ? AND role = ? "
                    + "FOR UPDATE", String.class, organisationId, Role.ADMIN.value());
            if (admins.size() == 1) {
                throw LinksException.validation("the organisation's last admin key cannot be deleted");
            }
        }
        jdbc.update("DELETE FROM api_key WHERE organisation_id = ? AND id = ?", organisationId, keyId);
    }

    /** The organisation key whose secret is {@code secret}, if there is one. */
    public Optional<Principal> authenticate(String secret) {
        return jdbc.query("SELECT id, organisation_id, role FROM api_key WHERE secret_hash = ?",
                (rs, row) -> new Principal(rs.getString("id"), rs.getString("organisation_id"),
                        Role.fromValue(rs.getString("role"))), Secrets.hash(secret)).stream().findFirst();
    }

    /** A value the service keeps for itself, such as a generated operator key's hash. */
    public Optional<String> setting(String name) {
        return jdbc.queryForList("SELECT value FROM service_setting WHERE name = ?", String.class, name).stream()
                .findFirst();
    }

    /** Stores a setting unless it exists; answers whether this call stored it. */
    public boolean putSettingIfAbsent(String name, String value) {
        return jdbc.update("INSERT INTO service_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                name, value) == 1;
    }
}
