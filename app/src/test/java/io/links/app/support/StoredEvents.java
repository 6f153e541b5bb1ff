package io.links.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the event table of a service process's event store directly, as an auditor would, to check what was
 * recorded rather than what a read model shows.
 */
public final class StoredEvents {

    private final Map<String, String> stores;

    /** The event store of the settings {@link ServiceProcess#sharedStores()} gives. */
    public StoredEvents(Map<String, String> stores) {
        this.stores = stores;
    }

    /** How many events of a type matching {@code typePattern} (SQL LIKE) mention {@code text} in their payload. */
    public long mentioning(String typePattern, String text) throws SQLException {
        String sql = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                + "AND convert_from(payload, 'UTF8') LIKE ?";
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, typePattern);
            query.setString(2, "%" + text + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** How many events of a type matching {@code typePattern} each aggregate has, for those that have any. */
    public Map<String, Long> perAggregate(String typePattern) throws SQLException {
        return perAggregate(typePattern, "");
    }

    /**
     * How many events of a type matching {@code typePattern} whose metadata mentions {@code text} each aggregate has,
     * for those that have any.
     */
    public Map<String, Long> perAggregate(String typePattern, String text) throws SQLException {
        String sql = "SELECT aggregate_identifier, count(*) FROM domain_event_entry WHERE payload_type LIKE ? "
                + "AND convert_from(meta_data, 'UTF8') LIKE ? GROUP BY aggregate_identifier";
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, typePattern);
            query.setString(2, "%" + text + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stores.get("SPRING_DATASOURCE_URL"),
                stores.get("SPRING_DATASOURCE_USERNAME"), stores.get("SPRING_DATASOURCE_PASSWORD"));
    }
}
