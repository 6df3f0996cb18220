// The ordered pool: results come back in the order the jobs went in, whatever the threads; no more
// than the window is in flight; a job's exception comes out on the caller's side, in its turn.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kgbuild/ordered_pool.hpp"

namespace {

struct Counter {
  int jobs = 0;  // per worker: a State is never shared
};

}  // namespace

TEST_CASE("results come back in submission order on any number of threads", "[pool]") {
  for (std::size_t threads : {1, 2, 4}) {
    std::vector<int> seen;
    kg::OrderedPool<Counter, int> pool(threads, 3, [&](int&& v) { seen.push_back(v); });
    for (int i = 0; i < 200; ++i)
      pool.submit([i](Counter& c) {
        ++c.jobs;
        // Later jobs finish first now and then.
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return i * i;
      });
    pool.finish();
    REQUIRE(seen.size() == 200);
    for (int i = 0; i < 200; ++i) CHECK(seen[static_cast<std::size_t>(i)] == i * i);
  }
}

TEST_CASE("no more jobs than the window are in flight", "[pool]") {
  std::atomic<int> running{0}, most{0};
  std::vector<int> seen;
  kg::OrderedPool<Counter, int> pool(4, 2, [&](int&& v) { seen.push_back(v); });
  for (int i = 0; i < 50; ++i)
    pool.submit([&, i](Counter&) {
      const int now = ++running;
      for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {}
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      --running;
      return i;
    });
  pool.finish();
  CHECK(seen.size() == 50);
  CHECK(most.load() <= 2);
}

TEST_CASE("a job's exception comes out of submit or finish, after the results before it", "[pool]") {
  for (std::size_t threads : {1, 2}) {
    std::vector<int> seen;
    kg::OrderedPool<Counter, int> pool(threads, 4, [&](int&& v) { seen.push_back(v); });
    bool thrown = false;
    try {
      for (int i = 0; i < 20; ++i)
        pool.submit([i](Counter&) -> int {
          if (i == 5) throw std::runtime_error("job 5 failed");
          return i;
        });
      pool.finish();
    } catch (const std::runtime_error& e) {
      thrown = true;
      CHECK(std::string(e.what()) == "job 5 failed");
    }
    CHECK(thrown);
    REQUIRE(seen.size() == 5);  // 0..4, in order, and nothing after the failure
    for (int i = 0; i < 5; ++i) CHECK(seen[static_cast<std::size_t>(i)] == i);
  }
}
