#pragma once
// One HTTP request at a time, behind an interface so that code which talks to servers can be tested
// with a fake; CurlHttpClient is the real one (libcurl).
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg {

struct Credentials {
  std::string user, password;
};

struct HttpRequest {
  std::string method;  // "PUT", "POST", ...
  std::string url;
  std::string content_type;
  std::string body;
  std::optional<Credentials> credentials;  // sent with whichever scheme the server asks for
  std::chrono::seconds timeout{600};       // for the whole exchange, upload included
  std::chrono::seconds stall_timeout{60};  // given up when no byte moves for this long
};

struct HttpResponse {
  long status = 0;         // 0: no HTTP answer at all (see error)
  std::string body;        // at most kMaxResponseBody bytes are kept
  std::string error;       // why there was no answer
  bool transient = false;  // no answer, but trying again may help (refused, reset, timed out)
  std::optional<std::chrono::seconds> retry_after;  // the server's Retry-After, when it gave seconds

  static constexpr std::size_t kMaxResponseBody = 64 * 1024;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

class CurlHttpClient : public HttpClient {
 public:
  CurlHttpClient();
  HttpResponse send(const HttpRequest& request) override;
};

// "a b/ü" -> "a%20b%2F%C3%BC": everything but unreserved ASCII is encoded, so an IRI is one
// query-string value whatever it contains.
std::string percent_encode(std::string_view text);

}  // namespace kg
