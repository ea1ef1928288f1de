// kg serve: the HTTP server over the store (server/http_server.h): SPARQL 1.1
// Protocol, JSON endpoints for entities, neighbours, paths and evidence, and
// the explorer page.
#include <cstdlib>
#include <iostream>

#include "ingest/parser.h"
#include "server/http_server.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct ServeArgs {
  std::string bind = "127.0.0.1:7070";
  bool allow_writes = false;
  std::string token;
  double timeout_seconds = 10;
  uint64_t max_rows = 100000;
  int max_concurrent = 4;
  size_t max_body_bytes = 4 << 20;
  std::string web_dir = server::DefaultWebDir();
  std::string base = std::string(kDefaultBaseIri);
  bool log = false;
};

// "HOST:PORT", "[v6]:PORT" or "PORT" (loopback).
void ParseBind(const std::string& bind, std::string* host, int* port) {
  std::string h = "127.0.0.1", p = bind;
  size_t colon = bind.rfind(':');
  if (colon != std::string::npos) {
    h = bind.substr(0, colon);
    p = bind.substr(colon + 1);
    if (h.size() >= 2 && h.front() == '[' && h.back() == ']') {
      h = h.substr(1, h.size() - 2);
    }
  }
  char* end = nullptr;
  long v = std::strtol(p.c_str(), &end, 10);
  if (h.empty() || p.empty() || *end != '\0' || v < 0 || v > 65535) {
    Fail("--bind must be HOST:PORT (e.g. 127.0.0.1:7070; port 0 = any free)",
         kExitUsage);
  }
  *host = h;
  *port = static_cast<int>(v);
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void RunServe(const ServeArgs& a, const GlobalOptions& g) {
  server::ServeOptions o;
  ParseBind(a.bind, &o.host, &o.port);
  if (a.timeout_seconds <= 0) Fail("--timeout must be positive", kExitUsage);
  if (a.max_rows == 0) Fail("--max-rows must be positive", kExitUsage);
  if (a.max_concurrent < 1) Fail("--max-concurrent must be >= 1", kExitUsage);
  o.db = g.db;
  o.wait_seconds = g.wait_seconds;
  o.base_iri = a.base;
  o.allow_writes = a.allow_writes;
  o.token = a.token;
  if (o.token.empty()) {
    if (const char* env = std::getenv("KG_SERVE_TOKEN")) o.token = env;
  }
  if (o.allow_writes && o.token.empty()) {
    Fail("--allow-writes needs a bearer token: --token TOKEN or KG_SERVE_TOKEN",
         kExitUsage);
  }
  o.query.timeout =
      std::chrono::milliseconds(static_cast<int64_t>(a.timeout_seconds * 1000));
  o.query.max_rows = a.max_rows;
  o.max_concurrent = a.max_concurrent;
  o.max_body_bytes = a.max_body_bytes;
  o.web_dir = a.web_dir;
  o.model_path = DefaultModelPath();
  o.log_requests = a.log;
  if (!IsLoopback(o.host)) {
    std::cerr << "kg serve: warning: listening on " << o.host
              << ", reachable from other machines"
              << (o.allow_writes ? " (writes enabled)" : "") << "\n";
  }
  o.on_listening = [&](const std::string& url) {
    std::cout << "kg serve: " << g.db << " at " << url
              << (o.allow_writes ? " (writes enabled)" : " (read-only)")
              << std::endl;
  };
  Status st = server::Serve(o);
  if (!st.ok()) Fail(st);
}

}  // namespace

void RegisterServeCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "HTTP server: SPARQL endpoint, JSON API and explorer page");
  cmd->add_option("--bind", a->bind, "HOST:PORT to listen on (port 0: any)")
      ->capture_default_str();
  cmd->add_flag("--allow-writes", a->allow_writes,
                "open the store for writing and accept ingest/remove "
                "requests carrying the bearer token");
  cmd->add_option("--token", a->token,
                  "bearer token for writes (default: $KG_SERVE_TOKEN)");
  cmd->add_option("--timeout", a->timeout_seconds, "per-query limit, seconds")
      ->capture_default_str();
  cmd->add_option("--max-rows", a->max_rows,
                  "per-query limit on rows held or returned")
      ->capture_default_str();
  cmd->add_option("--max-concurrent", a->max_concurrent,
                  "requests worked on at once; more get 503")
      ->capture_default_str();
  cmd->add_option("--max-body", a->max_body_bytes,
                  "largest request body, bytes (more: 413)")
      ->capture_default_str();
  cmd->add_option("--web", a->web_dir, "directory of the explorer page")
      ->capture_default_str();
  cmd->add_option("--base", a->base, "base IRI")->capture_default_str();
  cmd->add_flag("--log", a->log, "log each request to stderr");
  cmd->callback([a, &g] { RunServe(*a, g); });
}

}  // namespace kg::cli
