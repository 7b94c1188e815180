package dev.alertsmith.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.opensearch.OpenSearchException;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.search.MultiSearchRequestBuilder;
import org.opensearch.action.search.MultiSearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.client.Client;
import org.opensearch.common.network.NetworkModule;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.SearchHit;
import org.opensearch.test.MockHttpTransport;
import org.opensearch.transport.Netty4Plugin;

/**
 * Answers which documents each query matches, from a real OpenSearch node started in this JVM.
 *
 * <p>Reads one JSON request from the file named by the first argument, or stdin:
 * {@code {"settings": {...}, "mappings": {...}, "documents": [{"id", "source"}], "queries": [{"id", "query"}]}}.
 * Writes one JSON answer to stdout: {@code {"engine", "version", "documents": [{"id", "error"}]
 * (rejected ones only), "results": [{"id", "matches": [ids]} or {"id", "error"}]}}.
 * Everything the node logs goes to stderr.
 */
public final class QueryOracle {
    private static final String INDEX = "oracle";
    private static final int BATCH = 200;

    private QueryOracle() {}

    public static void main(String[] args) throws Exception {
        PrintStream answerOut = System.out;
        // log4j's console appender writes to System.out; keep stdout for the answer alone.
        System.setOut(System.err);
        Map<String, Object> request;
        try (InputStream in = args.length > 0 ? Files.newInputStream(Paths.get(args[0])) : System.in) {
            request = XContentHelper.convertToMap(JsonXContent.jsonXContent, in, true);
        }
        Path home = Files.createTempDirectory("alertsmith-opensearch-");
        int exit = 0;
        try (Node node = startNode(home)) {
            String answer = answer(node.client(), request);
            answerOut.print(answer);
            answerOut.flush();
        } catch (RuntimeException | IOException e) {
            System.err.println("opensearch-oracle: " + e);
            exit = 1;
        } finally {
            deleteTree(home);
        }
        // Node threads may linger after close; the answer is written.
        System.exit(exit);
    }

    private static Node startNode(Path home) throws Exception {
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("cluster.name", "alertsmith-oracle")
            .put("node.name", "oracle")
            .put("discovery.type", "single-node")
            .put("transport.type", "netty4")
            .put("network.host", "127.0.0.1")
            .put("transport.port", "0")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("search.default_search_timeout", "-1")
            .build();
        Node node = new EmbeddedNode(settings);
        node.start();
        return node;
    }

    /**
     * A node with the plugins the oracle needs on its class path. Not the test framework's
     * MockNode, which wants a randomized-testing context.
     */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Settings settings) {
            super(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "oracle"),
                List.<Class<? extends Plugin>>of(Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class),
                true
            );
        }

        // No HTTP: the program talks to the node through its client.
        @Override
        protected HttpServerTransport newHttpTransport(NetworkModule networkModule) {
            return new MockHttpTransport();
        }
    }

    @SuppressWarnings("unchecked")
    private static String answer(Client client, Map<String, Object> request) throws IOException {
        Map<String, Object> settings = (Map<String, Object>) request.getOrDefault("settings", Map.of());
        Map<String, Object> mappings = (Map<String, Object>) request.getOrDefault("mappings", Map.of());
        List<Map<String, Object>> documents = (List<Map<String, Object>>) request.getOrDefault("documents", List.of());
        List<Map<String, Object>> queries = (List<Map<String, Object>>) request.getOrDefault("queries", List.of());

        client.admin().indices().prepareCreate(INDEX)
            .setSettings(Settings.builder()
                .put("index.number_of_shards", 1)
                .put("index.number_of_replicas", 0)
                .put(Settings.builder().loadFromMap(settings).build()))
            .setMapping(mappings)
            .get();
        client.admin().cluster().prepareHealth(INDEX).setWaitForGreenStatus().get();

        XContentBuilder out = JsonXContent.contentBuilder();
        out.startObject();
        out.field("engine", "opensearch");
        out.field("version", org.opensearch.Version.CURRENT.toString());

        out.startArray("documents");
        if (!documents.isEmpty()) {
            BulkRequestBuilder bulk = client.prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            for (Map<String, Object> doc : documents) {
                bulk.add(new IndexRequest(INDEX).id(String.valueOf(doc.get("id"))).source((Map<String, Object>) doc.get("source")));
            }
            BulkResponse response = bulk.get();
            for (BulkItemResponse item : response.getItems()) {
                if (item.isFailed()) {
                    out.startObject().field("id", item.getId()).field("error", item.getFailureMessage()).endObject();
                }
            }
        }
        out.endArray();

        out.startArray("results");
        int size = Math.max(1, documents.size());
        for (int start = 0; start < queries.size(); start += BATCH) {
            List<Map<String, Object>> batch = queries.subList(start, Math.min(queries.size(), start + BATCH));
            MultiSearchRequestBuilder msearch = client.prepareMultiSearch();
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> q : batch) {
                ids.add(String.valueOf(q.get("id")));
                XContentBuilder query = JsonXContent.contentBuilder().map((Map<String, Object>) q.get("query"));
                msearch.add(client.prepareSearch(INDEX)
                    .setQuery(QueryBuilders.wrapperQuery(BytesReference.bytes(query)))
                    .setSize(size)
                    .setFetchSource(false)
                    .setTrackTotalHits(false));
            }
            MultiSearchResponse.Item[] items = msearch.get().getResponses();
            for (int i = 0; i < items.length; i++) {
                out.startObject().field("id", ids.get(i));
                if (items[i].isFailure()) {
                    out.field("error", errorText(items[i].getFailure()));
                } else {
                    List<String> matched = new ArrayList<>();
                    for (SearchHit hit : items[i].getResponse().getHits().getHits()) matched.add(hit.getId());
                    matched.sort(Comparator.naturalOrder());
                    out.field("matches", matched);
                }
                out.endObject();
            }
        }
        out.endArray();
        out.endObject();
        return BytesReference.bytes(out).utf8ToString();
    }

    /** The engine's own reason, as a REST client would read it from error.root_cause[0].reason. */
    private static String errorText(Exception e) {
        if (e instanceof OpenSearchException) {
            OpenSearchException[] causes = ((OpenSearchException) e).guessRootCauses();
            if (causes.length > 0 && causes[0].getMessage() != null) {
                return causes[0].getClass().getSimpleName() + ": " + causes[0].getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

}
