#pragma once
// The bridge between a C++ solver's progress callback and Python (after OR-Tools'
// pybind_solver.cc): the solver runs with the GIL released; its progress callback re-acquires the
// GIL (throttled), checks for a pending signal (KeyboardInterrupt) and calls the Python callback.
// A Python exception from either is stored, the solver is stopped through the std::stop_source
// whose token it was given, and `rethrow_if_error()` re-raises it once the solver has returned.

#include <pybind11/pybind11.h>

#include <chrono>
#include <exception>
#include <mutex>
#include <stop_token>

namespace ppm::python {

namespace py = pybind11;

/// One long call's progress/cancellation bridge. Create with the GIL held; `report` from any
/// thread without the GIL; `rethrow_if_error` with the GIL held after the solver returned.
class ProgressBridge {
public:
    /// `callback` is a Python callable or None; it is called at most every `min_interval_seconds`
    /// (and always for the final report).
    explicit ProgressBridge(py::object callback, double min_interval_seconds = 0.05)
        : callback_(std::move(callback)),
          interval_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
              std::chrono::duration<double>(min_interval_seconds))) {}

    ProgressBridge(const ProgressBridge&) = delete;
    ProgressBridge& operator=(const ProgressBridge&) = delete;

    ~ProgressBridge() {
        // The stored exception may hold Python objects: release it with the GIL.
        if (error_) {
            py::gil_scoped_acquire gil;
            error_ = nullptr;
        }
        // callback_ is a py::object: destroyed by the owner with the GIL held (bindings create the
        // bridge on the stack of a function that holds the GIL on return).
    }

    /// The token to hand to the solver's options.
    [[nodiscard]] std::stop_token token() const noexcept { return stop_.get_token(); }

    /// Called by the solver (GIL released). `make_payload` builds the Python argument under the GIL.
    template <class MakePayload>
    void report(MakePayload&& make_payload, bool final = false) {
        std::lock_guard lock(mutex_);
        if (error_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!final && now - last_ < interval_) return;
        last_ = now;
        py::gil_scoped_acquire gil;
        try {
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            if (!callback_.is_none()) {
                callback_(make_payload());
                // A signal that arrived while the callback ran (Ctrl-C) stops the solver now.
                if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            }
        } catch (py::error_already_set&) {
            error_ = std::current_exception();
            stop_.request_stop();
        } catch (...) {
            error_ = std::current_exception();
            stop_.request_stop();
        }
    }

    /// Re-raises what the callback (or a signal handler) raised, if anything (GIL held).
    void rethrow_if_error() {
        if (error_) {
            auto e = error_;
            error_ = nullptr;
            std::rethrow_exception(e);
        }
    }

private:
    py::object callback_;
    std::chrono::steady_clock::duration interval_;
    std::chrono::steady_clock::time_point last_{};
    std::stop_source stop_;
    std::mutex mutex_;
    std::exception_ptr error_;
};

}  // namespace ppm::python
