#include "server/http_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <filesystem>
#include <iostream>
#include <thread>

#include "server/api_response.h"
#include "server/api_routes.h"
#include "server/store_handle.h"

namespace kg::server {
namespace {

// Blocks SIGINT and SIGTERM in the calling thread (and the threads it starts)
// for its lifetime.
struct StopSignals {
  sigset_t set;
  StopSignals() {
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
  }
  ~StopSignals() { pthread_sigmask(SIG_UNBLOCK, &set, nullptr); }
};

}  // namespace

std::string DefaultWebDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::path(KG_WEB_DIR) / "index.html", ec)) return KG_WEB_DIR;
  // An installed kg: <prefix>/bin/kg beside <prefix>/share/kg/web.
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share/kg/web";
    if (fs::exists(installed / "index.html", ec)) return installed.string();
  }
  return KG_WEB_DIR;
}

Status Serve(const ServeOptions& options) {
  if (options.allow_writes && options.token.empty()) {
    return Status::InvalidArgument(
        "--allow-writes needs a token (--token or KG_SERVE_TOKEN)");
  }
  // SIGINT/SIGTERM stop the server: they are blocked in every thread (so
  // before the store's background threads start) and taken by one thread.
  StopSignals signals;
  const sigset_t& stop_signals = signals.set;
  StoreHandleOptions ho;
  ho.path = options.db;
  ho.writable = options.allow_writes;
  ho.wait_seconds = options.wait_seconds;
  ho.base_iri = options.base_iri;
  auto handle = StoreHandle::Open(ho);
  if (!handle.ok()) return handle.status();

  httplib::Server svr;
  const int threads = options.max_concurrent + 8;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, which
  // would let a second server share the port instead of failing to bind.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  svr.set_payload_max_length(options.max_body_bytes);
  svr.set_read_timeout(5, 0);
  svr.set_write_timeout(10, 0);
  svr.set_keep_alive_timeout(2);
  svr.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        const char* code = res.status == 413   ? "payload_too_large"
                           : res.status == 404 ? "not_found"
                                               : "http_error";
        std::string message =
            res.status == 413
                ? "the request body is larger than the server accepts"
            : res.status == 404 ? "no such endpoint: " + req.path
                                : "HTTP error " + std::to_string(res.status);
        ApiResponse r = JsonError(res.status, code, message);
        res.set_content(r.body, r.content_type.c_str());
        return httplib::Server::HandlerResponse::Handled;
      }));
  if (options.log_requests) {
    svr.set_logger([](const httplib::Request& req,
                      const httplib::Response& res) {
      std::cerr << req.method << " " << req.path << " " << res.status << "\n";
    });
  }
  auto routes = InstallRoutes(svr, options, std::move(handle).value());

  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) {
      return Status::IOError("cannot listen on " + options.host);
    }
  } else if (!svr.bind_to_port(options.host, port)) {
    return Status::IOError("cannot listen on " + options.host + ":" +
                           std::to_string(port) +
                           " (in use, or not an address of this machine)");
  }

  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (!done) svr.stop();
  });

  std::string host = options.host.find(':') != std::string::npos
                         ? "[" + options.host + "]"
                         : options.host;
  if (options.on_listening) {
    options.on_listening("http://" + host + ":" + std::to_string(port) + "/");
  }
  bool ok = svr.listen_after_bind();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!ok) return Status::IOError("the server stopped with an error");
  return Status::OK();
}

}  // namespace kg::server
