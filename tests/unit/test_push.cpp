// Loading graphs into a Graph Store: a file splits into one N-Triples body per graph; each graph
// becomes one request (method, URL with the encoded graph IRI, content type); transient failures
// are retried; a server error is shown with its status and body and nothing is said to be loaded
// that was not; credentials come from the environment. The last cases send real HTTP through
// libcurl to a small server on 127.0.0.1.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kgbuild/http.hpp"
#include "kgbuild/push.hpp"
#include "kgbuild/reader.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using kg::GraphBody;
using kg::HttpRequest;
using kg::HttpResponse;
using kg::PushOptions;

const std::string kTrig = R"(@prefix kg: <https://kgbuild.org/ontology#> .
@prefix kge: <https://kgbuild.org/id/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://kgbuild.org/doc/a> {
  <https://kgbuild.org/doc/a> kg:title "Kestrel \"deal\"\nsecond line" ;
      kg:published "2025-03-14"^^xsd:date .
}
kge:Kestrel kg:acquiredBy kge:Nvidia .
<https://kgbuild.org/doc/b?lang=fr&v=2#top> {
  <https://kgbuild.org/doc/b> kg:title "Société Générale"@fr .
}
kge:Nvidia kg:country kge:United_States .
)";

const std::string kDocA = "https://kgbuild.org/doc/a";
const std::string kDocB = "https://kgbuild.org/doc/b?lang=fr&v=2#top";  // a query string of its own, to encode

PushOptions options_for(const std::string& endpoint) {
  PushOptions options;
  options.endpoint = endpoint;
  options.backoff = std::chrono::milliseconds(1);
  return options;
}

HttpResponse answer(long status, std::string body = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

// Answers in turn from a script (the last answer repeats) and keeps every request it was sent.
class FakeHttp : public kg::HttpClient {
 public:
  explicit FakeHttp(std::vector<HttpResponse> script) : script_(std::move(script)) {}
  HttpResponse send(const HttpRequest& request) override {
    requests.push_back(request);
    const std::size_t i = std::min(requests.size() - 1, script_.size() - 1);
    return script_[i];
  }
  std::vector<HttpRequest> requests;

 private:
  std::vector<HttpResponse> script_;
};

// Sets an environment variable for one test and restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// An HTTP server on 127.0.0.1 and an ephemeral port that answers each connection with the next
// canned response, then closes it. It serves at most responses.size() connections and gives up
// waiting after a few seconds, so a test never hangs on it.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::vector<std::string> responses)
      : listener_(::socket(AF_INET, SOCK_STREAM, 0)), responses_(std::move(responses)) {
    REQUIRE(listener_.get() >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(listener_.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(listener_.get(), 8) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(listener_.get(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~LoopbackServer() { thread_.join(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    for (const auto& response : responses_) {
      pollfd waiting{listener_.get(), POLLIN, 0};
      if (::poll(&waiting, 1, 5000) != 1) return;
      const Fd client(::accept(listener_.get(), nullptr, nullptr));
      if (client.get() < 0) return;
      const std::string request = read_request(client.get());
      {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back(request);
      }
      (void)!::send(client.get(), response.data(), response.size(), MSG_NOSIGNAL);
    }
  }

  // Headers, then as many body bytes as Content-Length says.
  static std::string read_request(int fd) {
    std::string data;
    char buffer[4096];
    std::size_t body_start = std::string::npos, length = 0;
    while (body_start == std::string::npos || data.size() < body_start + length) {
      pollfd readable{fd, POLLIN, 0};
      if (::poll(&readable, 1, 5000) != 1) break;
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
      if (body_start != std::string::npos) continue;
      const auto end = data.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      body_start = end + 4;
      length = content_length(data.substr(0, end));
    }
    return data;
  }

  static std::size_t content_length(std::string headers) {
    for (auto& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = headers.find("\r\ncontent-length:");
    if (at == std::string::npos) return 0;
    return std::stoul(headers.substr(at + 17));
  }

  Fd listener_;
  std::vector<std::string> responses_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

std::string http_response(int status, const std::string& reason, const std::string& body,
                          const std::string& extra_headers = {}) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nContent-Type: text/plain\r\nConnection: close\r\n" + extra_headers + "\r\n" + body;
}

std::string body_of(const std::string& request) { return request.substr(request.find("\r\n\r\n") + 4); }

}  // namespace

TEST_CASE("a TriG file splits into one N-Triples body per graph, in the order graphs first appear", "[push]") {
  const auto graphs = kg::split_graph_text(kTrig, kg::Syntax::trig);
  REQUIRE(graphs.size() == 3);
  CHECK(graphs[0].graph == kDocA);
  CHECK(graphs[1].graph.empty());  // the default graph
  CHECK(graphs[2].graph == kDocB);
  CHECK(graphs[0].statements == 2);
  CHECK(graphs[1].statements == 2);
  CHECK(graphs[2].statements == 1);

  // prefixed names and datatypes expanded, literals escaped as N-Triples wants
  CHECK(graphs[0].ntriples ==
        "<https://kgbuild.org/doc/a> <https://kgbuild.org/ontology#title> \"Kestrel \\\"deal\\\"\\nsecond line\" .\n"
        "<https://kgbuild.org/doc/a> <https://kgbuild.org/ontology#published> "
        "\"2025-03-14\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
  CHECK(graphs[1].ntriples ==
        "<https://kgbuild.org/id/Kestrel> <https://kgbuild.org/ontology#acquiredBy> <https://kgbuild.org/id/Nvidia> .\n"
        "<https://kgbuild.org/id/Nvidia> <https://kgbuild.org/ontology#country> <https://kgbuild.org/id/United_States> .\n");
  CHECK(graphs[2].ntriples ==
        "<https://kgbuild.org/doc/b> <https://kgbuild.org/ontology#title> \"Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale\"@fr .\n");
}

TEST_CASE("N-Quads split by graph, Turtle and N-Triples give the default graph only", "[push]") {
  const auto quads = kg::split_graph_text(
      "<http://x/s> <http://x/p> \"1\" <http://x/g1> .\n<http://x/s> <http://x/p> \"2\" .\n"
      "<http://x/s> <http://x/p> \"3\" <http://x/g1> .\n",
      kg::Syntax::nquads);
  REQUIRE(quads.size() == 2);
  CHECK(quads[0].graph == "http://x/g1");
  CHECK(quads[0].statements == 2);
  CHECK(quads[1].graph.empty());

  const auto turtle = kg::split_graph_text("@prefix x: <http://x/> .\nx:s x:p x:o , x:q .\n", kg::Syntax::turtle);
  REQUIRE(turtle.size() == 1);
  CHECK(turtle[0].graph.empty());
  CHECK(turtle[0].statements == 2);
  CHECK(kg::split_graph_text("", kg::Syntax::turtle).empty());
}

TEST_CASE("a blank node keeps one label within its graph", "[push]") {
  const auto graphs = kg::split_graph_text("@prefix x: <http://x/> .\nx:s x:p [ x:q x:o ] .\n", kg::Syntax::turtle);
  REQUIRE(graphs.size() == 1);
  REQUIRE(graphs[0].statements == 2);
  const std::string& nt = graphs[0].ntriples;
  const auto first = nt.find("_:"), second = nt.find("_:", first + 2);
  REQUIRE(second != std::string::npos);
  CHECK(nt.substr(first, nt.find(' ', first) - first) == nt.substr(second, nt.find(' ', second) - second));
}

TEST_CASE("a graph that does not parse is not split, and the error says where", "[push]") {
  CHECK_THROWS_WITH(kg::split_graph_text("<http://x/s> <http://x/p> .\n", kg::Syntax::ntriples), Contains("1:"));
  CHECK_THROWS_WITH(kg::split_graph_text("x:s x:p x:o .\n", kg::Syntax::turtle), Contains("x:s"));
  CHECK_THROWS_WITH(kg::split_graph_text("<rel> <http://x/p> <http://x/o> .\n", kg::Syntax::turtle), Contains("relative IRI"));
  CHECK_THROWS_WITH(kg::split_graph_text("_:g { <http://x/s> <http://x/p> 1 }\n", kg::Syntax::trig), Contains("blank node"));
}

TEST_CASE("the syntax of a graph file comes from its extension", "[push]") {
  CHECK(kg::syntax_of_path("g.ttl") == kg::Syntax::turtle);
  CHECK(kg::syntax_of_path("g.nt") == kg::Syntax::ntriples);
  CHECK(kg::syntax_of_path("dir.d/g.nq") == kg::Syntax::nquads);
  CHECK(kg::syntax_of_path("g.trig") == kg::Syntax::trig);
  CHECK_FALSE(kg::syntax_of_path("g.rdf"));
  CHECK_THROWS_WITH(kg::split_graph_file("graph.json"), Contains("unknown graph syntax"));
}

TEST_CASE("the request plan: one PUT per graph, the IRI encoded in the URL, N-Triples sent as Turtle", "[push]") {
  auto options = options_for("http://127.0.0.1:8890/store");
  const auto plan = kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options);
  REQUIRE(plan.size() == 3);
  CHECK(plan[0].request.method == "PUT");
  CHECK(plan[0].request.url == "http://127.0.0.1:8890/store?graph=https%3A%2F%2Fkgbuild.org%2Fdoc%2Fa");
  CHECK(plan[0].request.content_type == "text/turtle");
  CHECK(plan[0].target == "<" + kDocA + ">");
  CHECK(plan[0].statements == 2);
  CHECK(plan[1].request.url == "http://127.0.0.1:8890/store?default");
  CHECK(plan[1].target == "the default graph");
  CHECK(plan[2].request.url == "http://127.0.0.1:8890/store?graph=https%3A%2F%2Fkgbuild.org%2Fdoc%2Fb%3Flang%3Dfr%26v%3D2%23top");
  CHECK_THAT(plan[1].request.body, StartsWith("<https://kgbuild.org/id/Kestrel>"));
}

TEST_CASE("--append posts, --graph names the default graph, --graph-param and endpoint query strings", "[push]") {
  auto options = options_for("http://localhost:8890/sparql-graph-crud-auth?timeout=5");
  options.append = true;
  options.default_graph = "https://kgbuild.org/graph/facts";
  options.graph_param = "graph-uri";
  const auto plan = kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options);
  REQUIRE(plan.size() == 3);
  CHECK(plan[0].request.method == "POST");
  CHECK(plan[1].request.url ==
        "http://localhost:8890/sparql-graph-crud-auth?timeout=5&graph-uri=https%3A%2F%2Fkgbuild.org%2Fgraph%2Ffacts");
  CHECK(plan[1].target == "<https://kgbuild.org/graph/facts>");
  CHECK(kg::graph_url(options_for("http://h/s?"), "http://g") == "http://h/s?graph=http%3A%2F%2Fg");
}

TEST_CASE("default-graph statements sent to a graph of the file join that graph's one request", "[push]") {
  auto options = options_for("http://h/store");
  options.default_graph = kDocA;
  const auto plan = kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options);
  REQUIRE(plan.size() == 2);  // a second PUT to doc/a would have replaced the first
  CHECK(plan[0].target == "<" + kDocA + ">");
  CHECK(plan[0].statements == 4);
  CHECK_THAT(plan[0].request.body, Contains("kgbuild.org/doc/a") && Contains("acquiredBy"));
}

TEST_CASE("a 503 is retried, and the graph is reported loaded after the 201", "[push]") {
  FakeHttp http({answer(503, "busy"), answer(201)});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  const auto result = kg::push(kg::plan_push({GraphBody{kDocA, "<http://x/s> <http://x/p> <http://x/o> .\n", 1}}, options),
                               options, http, out, log);
  CHECK(result.ok());
  CHECK(http.requests.size() == 2);
  CHECK(http.requests[0].body == http.requests[1].body);
  CHECK(out.str() == "loaded 1 statements into <" + kDocA + "> (HTTP 201)\n");
  CHECK_THAT(log.str(), Contains("HTTP 503") && Contains("attempt 2 of 3"));
}

TEST_CASE("transient failures are tried three times, then reported, and nothing is said to be loaded", "[push]") {
  HttpResponse refused;
  refused.error = "Connection refused";
  refused.transient = true;
  FakeHttp http({refused});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  const auto result = kg::push(kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options), options, http, out, log);
  CHECK_FALSE(result.ok());
  CHECK(result.loaded == 0);
  CHECK(http.requests.size() == 3);
  CHECK(out.str().empty());
  CHECK_THAT(log.str(), Contains("Connection refused") && Contains("0 of 3 graphs loaded"));
}

TEST_CASE("a server error is shown with its status and body, and stops the push", "[push]") {
  FakeHttp http({answer(201), answer(500, "Virtuoso 37000 Error SP029: TURTLE RDF loader, line 1: syntax error")});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  const auto result = kg::push(kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options), options, http, out, log);
  CHECK_FALSE(result.ok());
  CHECK(result.loaded == 1);
  CHECK(http.requests.size() == 2);  // no retry of a 500, and the third graph is not sent
  CHECK(out.str() == "loaded 2 statements into <" + kDocA + "> (HTTP 201)\n");
  CHECK_THAT(out.str(), !Contains("default graph"));
  CHECK_THAT(log.str(), Contains("the default graph was not loaded: HTTP 500 from PUT http://h/store?default") &&
                            Contains("SP029: TURTLE RDF loader, line 1: syntax error") && Contains("1 of 3 graphs loaded"));
}

TEST_CASE("an error page is shown up to its first 2 KB", "[push]") {
  FakeHttp http({answer(400, std::string(5000, 'x'))});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  kg::push(kg::plan_push({GraphBody{kDocA, "<http://x/s> <http://x/p> <http://x/o> .\n", 1}}, options), options, http, out,
           log);
  CHECK_THAT(log.str(), Contains(std::string(2048, 'x') + "\n[... 2952 more bytes]") && !Contains(std::string(2049, 'x')));
}

TEST_CASE("an unauthorised answer says which environment variables hold credentials", "[push]") {
  FakeHttp http({answer(401)});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  kg::push(kg::plan_push({GraphBody{kDocA, "<http://x/s> <http://x/p> <http://x/o> .\n", 1}}, options), options, http, out,
           log);
  CHECK_THAT(log.str(), Contains("HTTP 401") && Contains("KGBUILD_PUSH_USER"));
}

TEST_CASE("credentials are read from the environment only", "[push]") {
  SECTION("none") {
    const ScopedEnv user("KGBUILD_PUSH_USER", nullptr), password("KGBUILD_PUSH_PASSWORD", nullptr);
    CHECK_FALSE(kg::credentials_from_environment());
  }
  SECTION("empty, as unset") {
    const ScopedEnv user("KGBUILD_PUSH_USER", ""), password("KGBUILD_PUSH_PASSWORD", "");
    CHECK_FALSE(kg::credentials_from_environment());
  }
  SECTION("user and password, passed on to every request") {
    const ScopedEnv user("KGBUILD_PUSH_USER", "dba"), password("KGBUILD_PUSH_PASSWORD", "s3cret:x");
    auto options = options_for("http://h/store");
    options.credentials = kg::credentials_from_environment();
    REQUIRE(options.credentials);
    CHECK(options.credentials->user == "dba");
    CHECK(options.credentials->password == "s3cret:x");
    const auto plan = kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options);
    for (const auto& step : plan) CHECK((step.request.credentials && step.request.credentials->user == "dba"));
  }
  SECTION("a password without a user is a mistake, not anonymous access") {
    const ScopedEnv user("KGBUILD_PUSH_USER", nullptr), password("KGBUILD_PUSH_PASSWORD", "dba");
    CHECK_THROWS_WITH(kg::credentials_from_environment(), Contains("KGBUILD_PUSH_USER"));
  }
}

TEST_CASE("percent-encoding leaves unreserved characters alone", "[push]") {
  CHECK(kg::percent_encode("https://a.b/c_d-e~f?g=h&i#j k") == "https%3A%2F%2Fa.b%2Fc_d-e~f%3Fg%3Dh%26i%23j%20k");
  CHECK(kg::percent_encode("\xC3\xBC") == "%C3%BC");
}

TEST_CASE("libcurl: a PUT with basic authentication reaches a real server, and the 201 is reported", "[push][http]") {
  LoopbackServer server({http_response(401, "Unauthorized", "who are you?", "WWW-Authenticate: Basic realm=\"kg\"\r\n"),
                         http_response(201, "Created", "")});
  auto options = options_for(server.url("/store"));
  options.credentials = kg::Credentials{"dba", "dba"};
  const std::string body = "<http://x/s> <http://x/p> \"caf\xC3\xA9\" .\n";
  kg::CurlHttpClient http;
  std::ostringstream out, log;
  const auto result = kg::push(kg::plan_push({GraphBody{kDocA, body, 1}}, options), options, http, out, log);
  INFO(log.str());
  CHECK(result.ok());
  CHECK(out.str() == "loaded 1 statements into <" + kDocA + "> (HTTP 201)\n");
  const auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  // libcurl asks first without the password, then answers the challenge
  CHECK_THAT(requests[0], !Contains("Authorization:"));
  CHECK_THAT(requests[1], StartsWith("PUT /store?graph=https%3A%2F%2Fkgbuild.org%2Fdoc%2Fa HTTP/1.1\r\n"));
  CHECK_THAT(requests[1], Contains("Authorization: Basic ZGJhOmRiYQ==\r\n"));  // dba:dba
  CHECK_THAT(requests[1], Contains("Content-Type: text/turtle\r\n"));
  CHECK(body_of(requests[1]) == body);
}

TEST_CASE("libcurl: a 503 from a real server is retried, a 500 is shown with its body", "[push][http]") {
  LoopbackServer server({http_response(503, "Service Unavailable", "starting"), http_response(201, "Created", ""),
                         http_response(500, "Internal Server Error", "SQ200: no such graph store")});
  const auto options = options_for(server.url("/store"));
  kg::CurlHttpClient http;
  std::ostringstream out, log;
  const auto result = kg::push(kg::plan_push(kg::split_graph_text(kTrig, kg::Syntax::trig), options), options, http, out, log);
  CHECK_FALSE(result.ok());
  CHECK(result.loaded == 1);
  CHECK(out.str() == "loaded 2 statements into <" + kDocA + "> (HTTP 201)\n");
  CHECK_THAT(log.str(), Contains("HTTP 503") && Contains("HTTP 500") && Contains("SQ200: no such graph store"));
  CHECK(server.requests().size() == 3);
}

TEST_CASE("libcurl: a refused connection is a transient failure without an HTTP status", "[push][http]") {
  int port = 0;
  {
    // a port that was free a moment ago and has nobody listening now
    const Fd probe(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(probe.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(probe.get(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port = ntohs(address.sin_port);
  }
  HttpRequest request;
  request.method = "PUT";
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/store?default";
  request.content_type = "text/turtle";
  const auto response = kg::CurlHttpClient().send(request);
  CHECK(response.status == 0);
  CHECK(response.transient);
  CHECK_FALSE(response.error.empty());
}

TEST_CASE("credentials in the endpoint are taken out of the URL; messages never show a password", "[push]") {
  const auto endpoint = kg::split_endpoint("http://dba:s%40cret@localhost:8890/sparql-graph-crud-auth?x=1");
  REQUIRE(endpoint);
  CHECK(endpoint->url == "http://localhost:8890/sparql-graph-crud-auth?x=1");
  REQUIRE(endpoint->credentials);
  CHECK(endpoint->credentials->user == "dba");
  CHECK(endpoint->credentials->password == "s@cret");
  CHECK_FALSE(kg::split_endpoint("https://h/store")->credentials);
  CHECK_FALSE(kg::split_endpoint("ftp://h/store"));
  CHECK(kg::redact_url("http://dba:secret@h/store?graph=a@b") == "http://dba:***@h/store?graph=a@b");
  CHECK(kg::redact_url("http://h/store?graph=a@b") == "http://h/store?graph=a@b");
  // A raw '#', '/' or '?' in a password hides the userinfo from a URL parser; it is masked anyway.
  CHECK(kg::redact_url("https://admin:s3cr#t@host/x") == "https://***@host/x");
  CHECK(kg::redact_url("https://admin:a/b?c@host/x") == "https://***@host/x");

  // A library caller that leaves them in still gets no password in the log.
  FakeHttp http({answer(500, "no")});
  const auto options = options_for("http://dba:secret@h/store");
  std::ostringstream out, log;
  kg::push(kg::plan_push({GraphBody{kDocA, "<http://x/s> <http://x/p> <http://x/o> .\n", 1}}, options), options, http, out, log);
  CHECK_THAT(log.str(), Contains("http://dba:***@h/store") && !Contains("secret"));
}

TEST_CASE("a server's answer reaches the terminal without its control characters", "[push]") {
  CHECK(kg::printable("ok\tline\nnext") == "ok\tline\nnext");
  CHECK(kg::printable("\x1b]0;pwned\x07\x1b[2J") == "\\x1B]0;pwned\\x07\\x1B[2J");
  CHECK(kg::printable("caf\xC3\xA9 \xC2\x9B" "2J \x9B\xFF") == "caf\xC3\xA9 \\xC2\\x9B" "2J \\x9B\\xFF");  // C1 CSI, stray bytes
  FakeHttp http({answer(400, "bad\x1b]0;window title\x07 request\r\n")});
  const auto options = options_for("http://h/store");
  std::ostringstream out, log;
  kg::push(kg::plan_push({GraphBody{kDocA, "<http://x/s> <http://x/p> <http://x/o> .\n", 1}}, options), options, http, out, log);
  CHECK_THAT(log.str(), Contains("bad\\x1B]0;window title\\x07 request\\x0D") && !Contains("\x1b") && !Contains("\x07"));
}

TEST_CASE("libcurl: a server that accepts and then says nothing is given up after the stall timeout", "[push][http]") {
  // Listening, never accepting: the kernel completes the connection and nothing ever answers.
  const Fd listener(::socket(AF_INET, SOCK_STREAM, 0));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener.get(), 8) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
  HttpRequest request;
  request.method = "PUT";
  request.url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/store?default";
  request.content_type = "text/turtle";
  request.body = "<http://x/s> <http://x/p> <http://x/o> .\n";
  request.timeout = std::chrono::seconds(600);
  request.stall_timeout = std::chrono::seconds(1);
  const auto start = std::chrono::steady_clock::now();
  const HttpResponse response = kg::CurlHttpClient().send(request);
  CHECK(response.status == 0);
  CHECK(response.transient);
  // Not a measure of speed: without the stall timeout this request would hang for ten minutes.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}
