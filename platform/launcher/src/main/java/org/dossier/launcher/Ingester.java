package org.dossier.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sends files to article-service and prints one line per article: the path (with line number for NDJSON), the id,
 * and {@code new} or {@code duplicate}.
 *
 * <p>{@code .txt} is the article text; {@code .json} is one article in the ingest JSON shape; {@code .ndjson} is one
 * such article per line. A folder is read in name order; a {@code manifest.json} in it maps a {@code .txt} file's name
 * to its metadata ({@code title}, {@code url}, {@code source}, {@code publishedAt}, {@code language}).
 */
final class Ingester {

    private static final String MANIFEST = "manifest.json";

    private final URI endpoint;
    private final String apiKey;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int rejected;

    Ingester(URI endpoint, String apiKey, PrintStream out) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.out = out;
    }

    /** Returns the number of articles rejected. Fails before sending anything if a path does not exist. */
    int ingest(List<Path> paths) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new LauncherException("no such file or folder: " + path, 2);
            }
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                ingestFolder(path);
            } else {
                ingestFile(path, Map.of());
            }
        }
        return rejected;
    }

    private void ingestFolder(Path folder) {
        Map<String, JsonNode> manifest = manifest(folder);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .filter(p -> kind(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach(f -> ingestFile(f, f.getParent().equals(folder) ? manifest : manifest(f.getParent())));
    }

    private Map<String, JsonNode> manifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            JsonNode articles = json.readTree(file.toFile()).path("articles");
            Map<String, JsonNode> byName = new java.util.HashMap<>();
            articles.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
            return byName;
        } catch (IOException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void ingestFile(Path file, Map<String, JsonNode> manifest) {
        String kind = kind(file);
        if (kind == null) {
            throw new LauncherException("cannot ingest " + file + ": expected a .txt, .json or .ndjson file", 2);
        }
        switch (kind) {
            case "txt" -> {
                ObjectNode article = json.createObjectNode().put("text", read(file));
                JsonNode meta = manifest.get(file.getFileName().toString());
                if (meta != null && meta.isObject()) {
                    meta.fields().forEachRemaining(e -> article.set(e.getKey(), e.getValue()));
                }
                send(file.toString(), article.toString());
            }
            case "json" -> send(file.toString(), read(file));
            default -> sendBatch(file);
        }
    }

    /** NDJSON goes to the batch endpoint as a stream; its answer has one result per non-blank line, with its number. */
    private void sendBatch(Path file) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new LauncherException("no such file: " + file, 2);
        }
        HttpResponse<Stream<String>> response = exchange(URI.create(endpoint + "/batch"), "application/x-ndjson",
                Duration.ofHours(1), body, HttpResponse.BodyHandlers.ofLines(), file.toString());
        if (response.statusCode() != 200) {
            rejected++;
            out.println(file + " rejected " + response.statusCode() + ": "
                    + field(response.body().collect(java.util.stream.Collectors.joining()), "detail"));
            return;
        }
        response.body().forEach(line -> {
            JsonNode result;
            try {
                result = json.readTree(line);
            } catch (IOException e) {
                throw new LauncherException("unreadable answer from " + endpoint + "/batch: " + line);
            }
            int status = result.path("status").asInt();
            String label = file + ":" + result.path("line").asInt();
            if (status == 201 || status == 200) {
                out.println(label + " " + result.path("id").asText() + " " + (status == 201 ? "new" : "duplicate"));
            } else {
                rejected++;
                out.println(label + " rejected " + status + ": " + result.path("error").path("detail").asText());
            }
        });
    }

    private void send(String label, String body) {
        HttpResponse<String> response = exchange(endpoint, "application/json", Duration.ofSeconds(60),
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), HttpResponse.BodyHandlers.ofString(), label);
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            out.println(label + " " + field(response.body(), "id") + " " + (status == 201 ? "new" : "duplicate"));
        } else {
            rejected++;
            String detail = field(response.body(), "detail");
            out.println(label + " rejected " + status + (detail.isEmpty() ? "" : ": " + detail));
        }
    }

    /** One request to article-service with the API key; a failure to connect or send is one line for the user. */
    private <T> HttpResponse<T> exchange(URI uri, String contentType, Duration timeout, HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> handler, String label) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType).POST(body);
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return http.send(request.build(), handler);
        } catch (ConnectException e) {
            throw new LauncherException("cannot reach article-service at " + endpoint + ": is Dossier up? (./dossier up)");
        } catch (IOException e) {
            throw new LauncherException("sending " + label + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private String field(String body, String name) {
        try {
            return json.readTree(body).path(name).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String kind(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".txt") ? "txt" : name.endsWith(".ndjson") ? "ndjson" : name.endsWith(".json") ? "json" : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LauncherException(file + " is not UTF-8 text", 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> paths(List<String> args) {
        List<Path> paths = new ArrayList<>();
        args.forEach(a -> paths.add(Path.of(a)));
        return paths;
    }
}
