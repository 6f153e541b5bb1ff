package io.links.app.store;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire server the service runs when no MongoDB is configured, with its H2 file under a data
 * directory.
 *
 * <p>Everything it holds is derived from the event store: read models and their processors' positions. After a hard
 * kill the file can hold a state that no moment of the run ever had (documents written later kept, earlier ones
 * lost), which no projection can repair. So a server that was not closed cleanly (its marker file is still there at
 * the next start) starts empty, and the projections rebuild every read model from the events. So does one whose file
 * an earlier version wrote with another index order.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final int MIN_CACHE_MB = 16;
    private static final int MIN_WRITE_BUFFER_MB = 64;
    private static final int WRITE_DELAY_MS = 15_000;
    static final String FILE = "read-models.mv";
    /** The file of earlier versions, whose indexes are in the stock backend's order (see OrderedKeysH2Backend). */
    static final String STOCK_ORDER_FILE = "links.mv";
    static final String OPEN_MARKER = "open.marker";

    private final MongoServer server;
    private final Path directory;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, Path directory) {
        this.server = server;
        this.directory = directory;
        this.address = server.bind();
    }

    /** Starts the server on the data in {@code directory}, or on none after an unclean stop. */
    public static EmbeddedMongo start(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.deleteIfExists(directory.resolve(OPEN_MARKER))) {
                log.warn("The read-model store in {} was not closed cleanly; it starts empty and the read models "
                        + "are rebuilt from the event store", directory);
                Files.deleteIfExists(directory.resolve(FILE));
            }
            if (Files.deleteIfExists(directory.resolve(STOCK_ORDER_FILE))) {
                log.warn("The read-model store in {} was written by an earlier version; it starts empty and the read "
                        + "models are rebuilt from the event store", directory);
            }
            Files.createFile(directory.resolve(OPEN_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        // The server reads every document of a collection for each query (it has no secondary indexes), so the
        // store's page cache decides whether that is a walk through memory or a decoding of file pages each time.
        int cacheMegabytes = (int) Math.max(MIN_CACHE_MB, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        // Every write to the file serializes whole pages again, so writes are gathered: a crash loses them anyway,
        // since the store then starts empty; a clean stop writes everything. The buffer counts pages changed since
        // the last write, which are in memory in any case; a bulk task changes pages of all its links within seconds,
        // so a buffer smaller than the data would write them all again every few seconds.
        int writeBufferMegabytes = (int) Math.max(MIN_WRITE_BUFFER_MB,
                Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024));
        MVStore store = new MVStore.Builder().fileName(directory.resolve(FILE).toString())
                .cacheSize(cacheMegabytes).autoCommitBufferSize(writeBufferMegabytes * 1024).open();
        store.setAutoCommitDelay(WRITE_DELAY_MS);
        EmbeddedMongo mongo = new EmbeddedMongo(new MongoServer(new OrderedKeysH2Backend(store)), directory);
        log.info("Read-model store: embedded MongoDB wire server (H2 file backend) on port {} with data in {}"
                + " and a {} MB cache", mongo.port(), directory, cacheMegabytes);
        return mongo;
    }

    public int port() {
        return address.getPort();
    }

    /** Closes the server, which writes its file completely, and marks the data as cleanly closed. */
    @Override
    public void close() {
        server.shutdownNow();
        try {
            Files.deleteIfExists(directory.resolve(OPEN_MARKER));
        } catch (IOException e) {
            log.warn("Could not mark the read-model store in {} as closed; the next start rebuilds it", directory, e);
        }
    }
}
