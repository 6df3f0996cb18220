#pragma once
// Loading a graph file into a SPARQL 1.1 Graph Store (the HTTP protocol): the file is split by
// graph, and each graph's statements go as N-Triples in one request, PUT to replace the graph or
// POST to add to it. Nothing is reported loaded before the store answered 2xx.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/http.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

// One graph of a file as an N-Triples document.
struct GraphBody {
  std::string graph;  // IRI; empty for the default graph
  std::string ntriples;
  std::size_t statements = 0;
};

// The graphs of a file, in the order they first appear; the syntax comes from the extension
// (.ttl, .nt, .nq, .trig). Throws std::runtime_error "file:line:col: ..." on a syntax error.
// A blank node used in two graphs becomes two nodes in the store: the graphs travel separately.
std::vector<GraphBody> split_graph_file(const std::filesystem::path& file);
std::vector<GraphBody> split_graph_text(std::string_view text, Syntax syntax);

struct PushOptions {
  std::string endpoint;               // the Graph Store URL; may carry a query string of its own
  std::string default_graph;          // where default-graph statements go; empty: "?default"
  std::string graph_param = "graph";  // Virtuoso's /sparql-graph-crud-auth wants "graph-uri"
  bool append = false;                // POST (add) instead of PUT (replace)
  // Graph Store servers must accept Turtle, and N-Triples is Turtle; not every server knows
  // application/n-triples.
  std::string content_type = "text/turtle";
  std::optional<Credentials> credentials;
  int attempts = 3;
  std::chrono::milliseconds backoff{1000};  // before the second attempt, doubled after each
  std::chrono::seconds retry_budget{60};    // no new attempt once a graph has taken this long
  std::chrono::seconds timeout{600};        // one request, upload and answer
  std::chrono::seconds stall_timeout{60};   // one request with no byte moving
};

// An endpoint URL with any "user:password@" taken out of it: the credentials travel as options
// to libcurl, and the URL that messages show carries none. Nullopt unless http:// or https://.
struct Endpoint {
  std::string url;
  std::optional<Credentials> credentials;
};
std::optional<Endpoint> split_endpoint(const std::string& url);

// The URL with any password replaced by "***", for messages.
std::string redact_url(const std::string& url);

// A server's answer as it may be shown on a terminal: control characters (escape sequences that
// would move the cursor or set the window title) are written as \xNN; lines and tabs are kept.
std::string printable(std::string_view text);

// KGBUILD_PUSH_USER and KGBUILD_PUSH_PASSWORD: nothing when neither is set; throws when only the
// password is.
std::optional<Credentials> credentials_from_environment();

// The URL for one graph: the endpoint plus "graph=<encoded IRI>", or "default" for the default graph.
std::string graph_url(const PushOptions& options, const std::string& graph);

struct PlannedRequest {
  HttpRequest request;
  std::string target;  // "<IRI>" or "the default graph", for messages
  std::size_t statements = 0;
};

// One request per graph. Default-graph statements sent to a named graph of the file are merged
// into that graph's request, which a second PUT would otherwise replace.
std::vector<PlannedRequest> plan_push(std::vector<GraphBody> graphs, const PushOptions& options);

struct PushResult {
  std::size_t graphs = 0, loaded = 0;
  bool ok() const { return loaded == graphs; }
};

// Sends the requests in order and stops at the first that fails after its retries. "loaded N
// statements into G (HTTP 201)" goes to `out` after each 2xx; retries and errors go to `log`.
PushResult push(std::vector<PlannedRequest> plan, const PushOptions& options, HttpClient& http,
                std::ostream& out, std::ostream& log);

}  // namespace kg
