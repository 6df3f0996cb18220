// HTTP requests with libcurl: one easy handle per request, every C handle owned by a unique_ptr.
#include "kgbuild/http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>

namespace kg {

namespace {

// libcurl's global state is set up once, before the first handle, and released at exit.
class CurlGlobal {
 public:
  CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("cannot initialise libcurl");
  }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using HeaderList = std::unique_ptr<curl_slist, ListDeleter>;

void append(HeaderList& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (!grown) throw std::bad_alloc();
  (void)list.release();  // curl_slist_append returned the same list, grown by one
  list.reset(grown);
}

size_t keep_body(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  const size_t room = HttpResponse::kMaxResponseBody - std::min(body->size(), HttpResponse::kMaxResponseBody);
  body->append(data, std::min(bytes, room));
  return bytes;  // the rest is read and dropped: an error page can be large
}

// No answer now, but one may come later: the server is starting, restarting or overloaded.
bool transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return true;
    default:
      return false;
  }
}

// Options are checked as they are set: a libcurl too old for one fails loudly, not silently.
template <typename Value>
void set(CURL* curl, CURLoption option, Value value) {
  if (curl_easy_setopt(curl, option, value) != CURLE_OK)
    throw std::runtime_error("libcurl refused option " + std::to_string(static_cast<int>(option)));
}

void set_credentials(CURL* curl, const Credentials& credentials) {
  // Digest, basic or whatever the server asks for; libcurl probes before sending the password.
  set(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_ANY));
  set(curl, CURLOPT_USERNAME, credentials.user.c_str());
  set(curl, CURLOPT_PASSWORD, credentials.password.c_str());
}

HttpResponse answer(CURL* curl, CURLcode code, std::string body, const char* error_buffer) {
  HttpResponse response;
  if (code != CURLE_OK) {
    response.error = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    response.transient = transient(code);
    return response;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
    response.retry_after = std::chrono::seconds(retry_after);
  response.body = std::move(body);
  return response;
}

}  // namespace

CurlHttpClient::CurlHttpClient() { static const CurlGlobal global; }

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
  const EasyHandle handle(curl_easy_init());
  if (!handle) throw std::runtime_error("cannot create a libcurl handle");
  CURL* curl = handle.get();
  HeaderList headers;
  append(headers, "Content-Type: " + request.content_type);
  append(headers, "Expect:");  // no 100-continue round trip: not every server answers it
  std::string body;
  char error_buffer[CURL_ERROR_SIZE] = {};
  set(curl, CURLOPT_URL, request.url.c_str());
  set(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  set(curl, CURLOPT_NOSIGNAL, 1L);
  set(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  set(curl, CURLOPT_POSTFIELDS, request.body.data());
  set(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  set(curl, CURLOPT_HTTPHEADER, headers.get());
  set(curl, CURLOPT_WRITEFUNCTION, keep_body);
  set(curl, CURLOPT_WRITEDATA, &body);
  set(curl, CURLOPT_ERRORBUFFER, error_buffer);
  set(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  set(curl, CURLOPT_TIMEOUT, static_cast<long>(request.timeout.count()));
  // A server that accepts the connection and then says nothing is given up on before the timeout.
  set(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  set(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.stall_timeout.count()));
  if (request.credentials) set_credentials(curl, *request.credentials);
  const CURLcode code = curl_easy_perform(curl);
  return answer(curl, code, std::move(body), error_buffer);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
      continue;
    }
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0F];
  }
  return out;
}

}  // namespace kg
