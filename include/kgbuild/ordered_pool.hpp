#pragma once
// Jobs run on worker threads, results handed back on the calling thread in the order the jobs were
// submitted, with at most `window` jobs in flight: the output does not depend on the threads, and
// memory does not grow with the input. Each worker has a State of its own (default-constructed on
// that worker), for what cannot be shared between threads. A job that throws makes the
// exception come out of submit() or finish() when its turn to be consumed comes.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kg {

template <class State, class Result>
class OrderedPool {
 public:
  using Job = std::function<Result(State&)>;
  using Consumer = std::function<void(Result&&)>;
  // threads == 0 or 1: jobs run on the calling thread, at once, and no thread is started.
  OrderedPool(std::size_t threads, std::size_t window, Consumer consume)
      : window_(window ? window : 1), consume_(std::move(consume)), slots_(window_) {
    if (threads <= 1) {
      inline_state_.emplace();
      return;
    }
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~OrderedPool() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  void submit(Job job) {
    if (inline_state_) {
      consume_(job(*inline_state_));
      return;
    }
    std::unique_lock lock(mutex_);
    while (submitted_ - consumed_ >= window_) consume_next(lock);
    jobs_.push_back({submitted_++, std::move(job)});
    lock.unlock();
    work_ready_.notify_one();
  }

  void finish() {
    if (inline_state_) return;
    std::unique_lock lock(mutex_);
    while (consumed_ < submitted_) consume_next(lock);
  }

 private:
  struct Slot {
    std::optional<Result> result;
    std::exception_ptr error;
    bool done = false;
  };
  struct Queued {
    std::size_t sequence;
    Job job;
  };

  // Waits for the oldest job, then consumes its result with the lock released.
  void consume_next(std::unique_lock<std::mutex>& lock) {
    Slot& slot = slots_[consumed_ % window_];
    result_ready_.wait(lock, [&] { return slot.done; });
    Slot taken = std::move(slot);
    slot = Slot{};
    ++consumed_;
    lock.unlock();
    if (taken.error) {
      lock.lock();
      std::rethrow_exception(taken.error);
    }
    consume_(std::move(*taken.result));
    lock.lock();
  }

  void work() {
    std::optional<State> state;
    std::exception_ptr state_error;
    try {
      state.emplace();
    } catch (...) {
      state_error = std::current_exception();
    }
    for (;;) {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      Queued queued = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      Slot done;
      if (state_error) {
        done.error = state_error;
      } else {
        try {
          done.result.emplace(queued.job(*state));
        } catch (...) {
          done.error = std::current_exception();
        }
      }
      done.done = true;
      lock.lock();
      slots_[queued.sequence % window_] = std::move(done);
      lock.unlock();
      result_ready_.notify_all();
    }
  }

  const std::size_t window_;
  Consumer consume_;
  std::optional<State> inline_state_;
  std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  std::deque<Queued> jobs_;
  std::vector<Slot> slots_;
  std::size_t submitted_ = 0, consumed_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace kg
