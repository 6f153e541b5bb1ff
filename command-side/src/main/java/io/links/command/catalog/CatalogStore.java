package io.links.command.catalog;

import io.links.api.catalog.CoverageView;
import io.links.api.catalog.NewCoverage;
import io.links.api.catalog.NewPlan;
import io.links.api.catalog.NewSim;
import io.links.api.catalog.PlanView;
import io.links.api.catalog.SimType;
import io.links.api.catalog.SimView;
import io.links.api.error.LinksException;
import io.links.api.link.PlanSnapshot;
import io.links.api.link.SimSnapshot;
import io.links.api.page.Page;
import io.links.api.page.PageRequest;
import io.links.api.validation.Identifiers;
import io.links.command.link.LinkCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's catalog of SIMs, plans and coverages in PostgreSQL, and the SIM bindings and plan usage that
 * links record in the same transaction as their events.
 */
@Repository
public class CatalogStore implements LinkCatalog {

    /** The provider a SIM belongs to when its creator names none: the simulator shipped with the service. */
    public static final String DEFAULT_PROVIDER = "simulator";

    private static final Map<String, String> SIM_SORTS = Map.of("created_at", "created_at", "iccid", "iccid");
    private static final Map<String, String> PLAN_SORTS = Map.of("created_at", "created_at", "name", "name",
            "data_bytes", "data_bytes", "validity_days", "validity_days");
    private static final Map<String, String> COVERAGE_SORTS = Map.of("created_at", "created_at", "name", "name");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CatalogStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The field names {@code GET /sims} may be sorted by. */
    public static List<String> simSorts() {
        return SIM_SORTS.keySet().stream().sorted().toList();
    }

    public static List<String> planSorts() {
        return PLAN_SORTS.keySet().stream().sorted().toList();
    }

    public static List<String> coverageSorts() {
        return COVERAGE_SORTS.keySet().stream().sorted().toList();
    }

    @Transactional
    public SimView createSim(String organisationId, NewSim sim) {
        CatalogValidation check = new CatalogValidation();
        check.require("iccid", sim.iccid());
        if (sim.iccid() != null) {
            check.check(Identifiers.isIccid(sim.iccid()), "iccid",
                    "must be 18 to 22 digits ending in a valid Luhn check digit");
        }
        check.optional("msisdn", sim.msisdn(), Identifiers::isMsisdn,
                "must be an E.164 number in digits only, 7 to 15 digits, without a leading 0 or +");
        check.optional("imei", sim.imei(), Identifiers::isImei, "must be 15 digits ending in a valid Luhn check digit");
        check.require("type", sim.type());
        List<String> zones = check.zones("compatibility_zones", sim.compatibilityZones());
        List<String> countries = check.countries("countries", sim.countries(), false);
        String provider = sim.provider() == null ? DEFAULT_PROVIDER
                : check.requiredText("provider", sim.provider(), 100);
        check.throwIfInvalid();

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            jdbc.update("INSERT INTO sim (id, organisation_id, iccid, msisdn, imei, type, compatibility_zones, "
                    + "countries, provider, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, organisationId,
                    sim.iccid(), sim.msisdn(), sim.imei(), sim.type().value(), zones.toArray(String[]::new),
                    countries.toArray(String[]::new), provider, Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            throw LinksException.conflict("a SIM with ICCID " + sim.iccid() + " already exists");
        }
        return new SimView(id, sim.iccid(), sim.msisdn(), sim.imei(), sim.type(), zones, countries, provider, null,
                now);
    }

    public Optional<SimView> findSim(String organisationId, String simId) {
        return jdbc.query("SELECT * FROM sim WHERE organisation_id = ? AND id = ?", SIM_ROW, organisationId, simId)
                .stream().findFirst();
    }

    public Page<SimView> listSims(String organisationId, PageRequest page) {
        return list("sim", SIM_SORTS, SIM_ROW, organisationId, page);
    }

    @Transactional
    public PlanView createPlan(String organisationId, NewPlan plan) {
        CatalogValidation check = new CatalogValidation();
        String name = check.name("name", plan.name());
        check.require("data_bytes", plan.dataBytes());
        if (plan.dataBytes() != null) {
            check.check(plan.dataBytes() > 0, "data_bytes", "must be greater than 0");
        }
        check.require("validity_days", plan.validityDays());
        if (plan.validityDays() != null) {
            check.check(plan.validityDays() > 0 && plan.validityDays() <= 3650, "validity_days",
                    "must be between 1 and 3650");
        }
        List<String> zones = check.zones("compatibility_zones", plan.compatibilityZones());
        check.require("coverage_id", plan.coverageId());
        if (plan.coverageId() != null) {
            check.check(findCoverage(organisationId, plan.coverageId()).isPresent(), "coverage_id",
                    "no coverage " + plan.coverageId() + " exists in this organisation");
        }
        check.throwIfInvalid();

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        boolean autoRenew = Boolean.TRUE.equals(plan.autoRenew());
        jdbc.update("INSERT INTO plan (id, organisation_id, name, data_bytes, validity_days, compatibility_zones, "
                + "coverage_id, auto_renew, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, organisationId, name,
                plan.dataBytes(), plan.validityDays(), zones.toArray(String[]::new), plan.coverageId(), autoRenew,
                Timestamp.from(now));
        return new PlanView(id, name, plan.dataBytes(), plan.validityDays(), zones, plan.coverageId(), autoRenew, now);
    }

    public Optional<PlanView> findPlan(String organisationId, String planId) {
        return jdbc.query("SELECT * FROM plan WHERE organisation_id = ? AND id = ?", PLAN_ROW, organisationId, planId)
                .stream().findFirst();
    }

    public Page<PlanView> listPlans(String organisationId, PageRequest page) {
        return list("plan", PLAN_SORTS, PLAN_ROW, organisationId, page);
    }

    /** Deletes a plan no activation uses any more. */
    @Transactional
    public void deletePlan(String organisationId, String planId) {
        if (jdbc.query("SELECT id FROM plan WHERE organisation_id = ? AND id = ? FOR UPDATE",
                (rs, row) -> rs.getString(1), organisationId, planId).isEmpty()) {
            throw LinksException.notFound("plan", planId);
        }
        Integer inUse = jdbc.queryForObject("SELECT count(*) FROM plan_activation WHERE plan_id = ?", Integer.class,
                planId);
        if (inUse != null && inUse > 0) {
            throw LinksException.validation("plan " + planId + " is still in use by " + inUse
                    + " activation(s); remove them first");
        }
        jdbc.update("DELETE FROM plan WHERE organisation_id = ? AND id = ?", organisationId, planId);
    }

    @Transactional
    public CoverageView createCoverage(String organisationId, NewCoverage coverage) {
        CatalogValidation check = new CatalogValidation();
        String name = check.name("name", coverage.name());
        List<String> countries = check.countries("countries", coverage.countries(), true);
        check.throwIfInvalid();

        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO coverage (id, organisation_id, name, countries, created_at) VALUES (?, ?, ?, ?, ?)",
                id, organisationId, name, countries.toArray(String[]::new), Timestamp.from(now));
        return new CoverageView(id, name, countries, now);
    }

    public Optional<CoverageView> findCoverage(String organisationId, String coverageId) {
        return jdbc.query("SELECT * FROM coverage WHERE organisation_id = ? AND id = ?", COVERAGE_ROW,
                organisationId, coverageId).stream().findFirst();
    }

    public Page<CoverageView> listCoverages(String organisationId, PageRequest page) {
        return list("coverage", COVERAGE_SORTS, COVERAGE_ROW, organisationId, page);
    }

    /** Deletes a coverage no plan is tied to any more. */
    @Transactional
    public void deleteCoverage(String organisationId, String coverageId) {
        if (jdbc.query("SELECT id FROM coverage WHERE organisation_id = ? AND id = ? FOR UPDATE",
                (rs, row) -> rs.getString(1), organisationId, coverageId).isEmpty()) {
            throw LinksException.notFound("coverage", coverageId);
        }
        Integer plans = jdbc.queryForObject("SELECT count(*) FROM plan WHERE coverage_id = ?", Integer.class,
                coverageId);
        if (plans != null && plans > 0) {
            throw LinksException.validation("coverage " + coverageId + " is still in use by " + plans
                    + " plan(s); delete them first");
        }
        jdbc.update("DELETE FROM coverage WHERE organisation_id = ? AND id = ?", organisationId, coverageId);
    }

    @Override
    public Optional<SimSnapshot> sim(String organisationId, String simId) {
        return findSim(organisationId, simId).map(sim -> new SimSnapshot(sim.id(), sim.iccid(), sim.msisdn(),
                sim.imei(), sim.type(), sim.provider(), sim.compatibilityZones(), sim.countries()));
    }

    @Override
    public Optional<PlanSnapshot> plan(String organisationId, String planId) {
        return findPlan(organisationId, planId).map(plan -> new PlanSnapshot(plan.id(), plan.name(), plan.dataBytes(),
                plan.validityDays(), plan.coverageId(), plan.compatibilityZones(), plan.autoRenew()));
    }

    /**
     * Binds the SIM to the link unless another link holds it. Under concurrent binds of one SIM the row lock makes
     * the second wait for the first to commit and then see the SIM taken.
     */
    @Override
    public boolean bindSim(String simId, String linkId) {
        return jdbc.update("UPDATE sim SET link_id = ? WHERE id = ? AND (link_id IS NULL OR link_id = ?)", linkId,
                simId, linkId) == 1;
    }

    @Override
    public void releaseSim(String simId, String linkId) {
        jdbc.update("UPDATE sim SET link_id = NULL WHERE id = ? AND link_id = ?", simId, linkId);
    }

    @Override
    public void activationStarted(String activationId, String linkId, String planId) {
        jdbc.update("INSERT INTO plan_activation (activation_id, link_id, plan_id) VALUES (?, ?, ?) "
                + "ON CONFLICT (activation_id) DO NOTHING", activationId, linkId, planId);
    }

    @Override
    public void activationRemoved(String activationId) {
        jdbc.update("DELETE FROM plan_activation WHERE activation_id = ?", activationId);
    }

    private <T> Page<T> list(String table, Map<String, String> sorts, RowMapper<T> mapper, String organisationId,
                             PageRequest page) {
        String column = page.sortBy() == null ? "created_at" : sorts.get(page.sortBy());
        boolean ascending = page.ascending();
        String order = column + (ascending ? " ASC" : " DESC") + ", id" + (ascending ? " ASC" : " DESC");
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE organisation_id = ?", Long.class,
                organisationId);
        List<T> items = jdbc.query("SELECT * FROM " + table + " WHERE organisation_id = ? ORDER BY " + order
                + " LIMIT ? OFFSET ?", mapper, organisationId, page.pageSize(), page.offset());
        return Page.of(items, total == null ? 0 : total, page);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final RowMapper<SimView> SIM_ROW = (rs, row) -> new SimView(rs.getString("id"),
            rs.getString("iccid"), rs.getString("msisdn"), rs.getString("imei"),
            SimType.fromValue(rs.getString("type")),
            strings(rs, "compatibility_zones"), strings(rs, "countries"), rs.getString("provider"),
            rs.getString("link_id"), rs.getTimestamp("created_at").toInstant());

    private static final RowMapper<PlanView> PLAN_ROW = (rs, row) -> new PlanView(rs.getString("id"),
            rs.getString("name"), rs.getLong("data_bytes"), rs.getInt("validity_days"),
            strings(rs, "compatibility_zones"), rs.getString("coverage_id"), rs.getBoolean("auto_renew"),
            rs.getTimestamp("created_at").toInstant());

    private static final RowMapper<CoverageView> COVERAGE_ROW = (rs, row) -> new CoverageView(rs.getString("id"),
            rs.getString("name"), strings(rs, "countries"), rs.getTimestamp("created_at").toInstant());
}
