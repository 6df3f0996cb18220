// Sending a file's graphs to a Graph Store: one request per graph, retried while the failure may
// pass, and a graph is said to be loaded only once the store has answered 2xx.
#include "kgbuild/push.hpp"
#include "kgbuild/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <thread>
#include <unordered_map>

namespace kg {

namespace {

constexpr std::size_t kShownBody = 2048;

// An empty variable counts as unset: "KGBUILD_PUSH_USER= kgbuild push ..." means no credentials.
std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

std::string target_name(const std::string& graph) { return graph.empty() ? "the default graph" : "<" + graph + ">"; }

// Default-graph statements that go to --graph join that graph's own statements, if the file has any.
std::vector<GraphBody> merge_default_graph(std::vector<GraphBody> graphs, const std::string& default_graph) {
  if (default_graph.empty()) return graphs;
  std::unordered_map<std::string, std::size_t> named;
  std::vector<GraphBody> out;
  for (auto& body : graphs) {
    if (body.graph.empty()) body.graph = default_graph;
    const auto [it, added] = named.try_emplace(body.graph, out.size());
    if (added) {
      out.push_back(std::move(body));
      continue;
    }
    out[it->second].ntriples += body.ntriples;
    out[it->second].statements += body.statements;
  }
  return out;
}

bool success(const HttpResponse& r) { return r.status >= 200 && r.status < 300; }

bool worth_retrying(const HttpResponse& r) {
  if (r.status == 0) return r.transient;
  return r.status == 429 || r.status == 502 || r.status == 503 || r.status == 504;
}

std::string describe(const HttpResponse& r) {
  return r.status ? "HTTP " + std::to_string(r.status) : "no answer (" + r.error + ")";
}

// The first 2 KB of an answer, not cut inside a UTF-8 sequence.
std::string shown_body(const std::string& body) {
  if (body.size() <= kShownBody) return body;
  std::size_t cut = kShownBody;
  while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  return body.substr(0, cut) + "\n[... " + std::to_string(body.size() - cut) + " more bytes]";
}

std::chrono::milliseconds wait_before(int attempt, const PushOptions& options, const HttpResponse& last) {
  const auto backoff = options.backoff * (1 << std::min(attempt - 1, 10));
  if (!last.retry_after) return backoff;
  // A server that asks for a longer pause gets it, up to half the retry budget.
  const auto asked = std::chrono::duration_cast<std::chrono::milliseconds>(*last.retry_after);
  return std::max(backoff, std::min(asked, std::chrono::milliseconds(options.retry_budget) / 2));
}

HttpResponse send_with_retries(const PlannedRequest& step, const PushOptions& options, HttpClient& http,
                               std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  const int attempts = std::max(options.attempts, 1);
  for (int attempt = 1;; ++attempt) {
    HttpResponse response = http.send(step.request);
    if (success(response) || !worth_retrying(response) || attempt == attempts) return response;
    const auto pause = wait_before(attempt, options, response);
    if (std::chrono::steady_clock::now() - start + pause > options.retry_budget) return response;
    log << "kgbuild push: " << step.target << ": " << printable(describe(response)) << ", trying again in " << pause.count()
        << " ms (attempt " << attempt + 1 << " of " << attempts << ")\n";
    std::this_thread::sleep_for(pause);
  }
}

void report_failure(const PlannedRequest& step, const HttpResponse& response, const PushOptions& options,
                    std::ostream& log) {
  log << "kgbuild push: " << step.target << " was not loaded: " << printable(describe(response)) << " from "
      << step.request.method << " " << redact_url(step.request.url) << "\n";
  const std::string shown = printable(shown_body(response.body));
  if (!shown.empty()) log << shown << (shown.back() == '\n' ? "" : "\n");
  if ((response.status == 401 || response.status == 403) && !options.credentials)
    log << "kgbuild push: no credentials were sent: set KGBUILD_PUSH_USER and KGBUILD_PUSH_PASSWORD\n";
}

}  // namespace

namespace {

// Where the authority's "user:password@" ends in an http(s) URL: [begin, end) of the userinfo,
// nullopt when there is none.
std::optional<std::pair<std::size_t, std::size_t>> userinfo(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  const std::size_t begin = scheme_end + 3;
  const std::size_t authority_end = std::min(url.find_first_of("/?#", begin), url.size());
  const std::size_t at = url.rfind('@', authority_end == 0 ? 0 : authority_end - 1);
  if (at == std::string::npos || at < begin) return std::nullopt;
  return std::make_pair(begin, at);
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::optional<Endpoint> split_endpoint(const std::string& url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return std::nullopt;
  const auto info = userinfo(url);
  if (!info) return Endpoint{url, std::nullopt};
  const std::string_view user_password = std::string_view(url).substr(info->first, info->second - info->first);
  const auto colon = user_password.find(':');
  Credentials credentials{percent_decode(user_password.substr(0, colon)),
                          colon == std::string_view::npos ? "" : percent_decode(user_password.substr(colon + 1))};
  return Endpoint{url.substr(0, info->first) + url.substr(info->second + 1), credentials};
}

std::string redact_url(const std::string& url) {
  const auto info = userinfo(url);
  if (!info) {
    // A password with a raw '/', '?' or '#' ("https://u:p#w@h/") hides the userinfo from the
    // parse above: whatever precedes the last '@' after a ':' is masked, whatever it was.
    const auto scheme_end = url.find("://");
    const auto at = url.rfind('@');
    if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end + 3) return url;
    const auto colon = url.find(':', scheme_end + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, scheme_end + 3) + "***" + url.substr(at);
  }
  const std::string user = url.substr(info->first, info->second - info->first);
  const auto colon = user.find(':');
  if (colon == std::string::npos) return url;
  return url.substr(0, info->first + colon + 1) + "***" + url.substr(info->second);
}

std::string printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  const auto escape = [&](unsigned char byte) {
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0F];
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte < 0x20 && text[i] != '\n' && text[i] != '\t') || byte == 0x7F) escape(byte);
      else out += text[i];
      ++i;
      continue;
    }
    // UTF-8 text stays; C1 controls (U+0080 to U+009F, as "\xC2\x9B", a CSI) and bytes that are
    // no UTF-8 are escaped.
    const std::size_t length = utf8_sequence_length(text, i);
    const bool c1 = length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (length == 0 || c1) {
      escape(byte);
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::optional<Credentials> credentials_from_environment() {
  const auto user = environment("KGBUILD_PUSH_USER");
  const auto password = environment("KGBUILD_PUSH_PASSWORD");
  if (!user && !password) return std::nullopt;
  if (!user) throw std::runtime_error("KGBUILD_PUSH_PASSWORD is set but KGBUILD_PUSH_USER is not");
  return Credentials{*user, password.value_or("")};
}

std::string graph_url(const PushOptions& options, const std::string& graph) {
  std::string url = options.endpoint;
  if (url.find('?') == std::string::npos) url += '?';
  else if (url.back() != '?' && url.back() != '&') url += '&';
  if (graph.empty()) return url + "default";
  return url + percent_encode(options.graph_param) + "=" + percent_encode(graph);
}

std::vector<PlannedRequest> plan_push(std::vector<GraphBody> graphs, const PushOptions& options) {
  std::vector<PlannedRequest> plan;
  for (auto& body : merge_default_graph(std::move(graphs), options.default_graph)) {
    if (body.statements == 0) continue;
    PlannedRequest step;
    step.request.method = options.append ? "POST" : "PUT";
    step.request.url = graph_url(options, body.graph);
    step.request.content_type = options.content_type;
    step.request.body = std::move(body.ntriples);
    step.request.credentials = options.credentials;
    step.request.timeout = options.timeout;
    step.request.stall_timeout = options.stall_timeout;
    step.target = target_name(body.graph);
    step.statements = body.statements;
    plan.push_back(std::move(step));
  }
  return plan;
}

PushResult push(std::vector<PlannedRequest> plan, const PushOptions& options, HttpClient& http, std::ostream& out,
                std::ostream& log) {
  PushResult result;
  result.graphs = plan.size();
  for (const auto& step : plan) {
    const HttpResponse response = send_with_retries(step, options, http, log);
    if (!success(response)) {
      report_failure(step, response, options, log);
      log << "kgbuild push: " << result.loaded << " of " << result.graphs << " graphs loaded\n";
      return result;
    }
    out << "loaded " << step.statements << " statements into " << step.target << " (HTTP " << response.status << ")\n";
    out.flush();  // progress is visible as it happens, and survives a later crash
    ++result.loaded;
  }
  return result;
}

}  // namespace kg
