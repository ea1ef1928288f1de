#include "server/api_routes.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "graph/graph_session.h"
#include "server/graph_api.h"
#include "server/sparql_endpoint.h"
#include "server/write_api.h"

namespace kg::server {
namespace {

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name, value);
  res.set_content(r.body, r.content_type.c_str());
}

// At most `max` requests doing work at once; the others are turned away.
class Gate {
 public:
  explicit Gate(int max) : max_(max) {}
  bool TryEnter() {
    if (in_flight_.fetch_add(1) < max_) return true;
    in_flight_.fetch_sub(1);
    return false;
  }
  void Leave() { in_flight_.fetch_sub(1); }

 private:
  const int max_;
  std::atomic<int> in_flight_{0};
};

// Parameters of a request, with bounds: a malformed or out-of-range number is
// a 400 (InvalidArgument).
StatusOr<long> IntParam(const httplib::Request& req, const char* name,
                        long fallback, long lo, long hi) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < lo || v > hi) {
    return Status::InvalidArgument(
        "parameter '" + std::string(name) + "' must be an integer from " +
        std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

bool FlagParam(const httplib::Request& req, const char* name) {
  const std::string v = req.get_param_value(name);
  return v == "1" || v == "true" || v == "yes";
}

std::string Param(const httplib::Request& req, const char* a,
                  const char* b = nullptr) {
  if (req.has_param(a)) return req.get_param_value(a);
  return b ? req.get_param_value(b) : "";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

class Server : public Routes {
 public:
  Server(const ServeOptions& options, std::unique_ptr<StoreHandle> handle)
      : options_(options),
        handle_(std::move(handle)),
        gate_(options.max_concurrent) {
    if (handle_->writer() != nullptr) {
      writer_ = std::make_unique<DocumentWriter>(
          handle_->writer(), options.base_iri, options.model_path);
    }
  }

  void Install(httplib::Server& svr) {
    svr.Get("/sparql", [this](const httplib::Request& q, httplib::Response& r) {
      Work(r, [&] { return Sparql(q); });
    });
    svr.Post("/sparql",
             [this](const httplib::Request& q, httplib::Response& r) {
               Work(r, [&] { return Sparql(q); });
             });
    svr.Get("/api/status",
            [this](const httplib::Request&, httplib::Response& r) {
              Work(r, [&] { return StatusApi(); });
            });
    svr.Get("/api/entities",
            [this](const httplib::Request& q, httplib::Response& r) {
              Work(r, [&] { return Entities(q); });
            });
    svr.Get("/api/neighbors",
            [this](const httplib::Request& q, httplib::Response& r) {
              Work(r, [&] { return Neighbors(q); });
            });
    svr.Get("/api/path",
            [this](const httplib::Request& q, httplib::Response& r) {
              Work(r, [&] { return Path(q); });
            });
    svr.Get("/api/why",
            [this](const httplib::Request& q, httplib::Response& r) {
              Work(r, [&] { return Why(q); });
            });
    svr.Post("/api/documents", [this](const httplib::Request& q,
                                      httplib::Response& r) {
      Write(q, r, [&] {
        IngestRequest in{q.get_header_value("Content-Type"), q.body,
                         q.get_param_value("id"), q.get_param_value("title"),
                         q.get_param_value("date")};
        return writer_->Ingest(in);
      });
    });
    svr.Delete("/api/documents", [this](const httplib::Request& q,
                                        httplib::Response& r) {
      Write(q, r, [&] { return writer_->Remove(q.get_param_value("id")); });
    });
    svr.Get("/", [this](const httplib::Request&, httplib::Response& r) {
      Static(r, "index.html", "text/html; charset=utf-8");
    });
    svr.Get("/app.js", [this](const httplib::Request&, httplib::Response& r) {
      Static(r, "app.js", "text/javascript; charset=utf-8");
    });
    svr.Get("/style.css",
            [this](const httplib::Request&, httplib::Response& r) {
              Static(r, "style.css", "text/css; charset=utf-8");
            });
    svr.Get("/vendor/cytoscape.min.js",
            [this](const httplib::Request&, httplib::Response& r) {
              Static(r, "node_modules/cytoscape/dist/cytoscape.min.js",
                     "text/javascript; charset=utf-8");
            });
  }

 private:
  template <typename Fn>
  void Work(httplib::Response& res, Fn&& fn) {
    if (!gate_.TryEnter()) {
      ApiResponse busy = JsonError(503, "busy",
                                   "the server is answering " +
                                       std::to_string(options_.max_concurrent) +
                                       " requests already; retry shortly");
      busy.headers.emplace_back("Retry-After", "1");
      Send(res, busy);
      return;
    }
    ApiResponse r;
    try {
      r = fn();
    } catch (const std::exception& e) {
      r = JsonError(500, "internal", e.what());
    }
    gate_.Leave();
    Send(res, r);
  }

  template <typename Fn>
  void Write(const httplib::Request& req, httplib::Response& res, Fn&& fn) {
    auto denied = CheckWriteAccess(writer_ != nullptr, options_.token,
                                   req.get_header_value("Authorization"));
    if (denied) return Send(res, *denied);
    Work(res, fn);
  }

  ApiResponse Sparql(const httplib::Request& req) {
    std::string text;
    const std::string type = req.get_header_value("Content-Type");
    if (req.method == "POST" &&
        type.rfind("application/sparql-query", 0) == 0) {
      text = req.body;
    } else if (req.method == "POST" &&
               type.rfind("application/x-www-form-urlencoded", 0) != 0) {
      return JsonError(415, "unsupported_media_type",
                       "POST the query as application/sparql-query or "
                       "application/x-www-form-urlencoded");
    } else {
      text = req.get_param_value("query");
    }
    if (req.has_param("update")) {
      return JsonError(400, "bad_request", "SPARQL Update is not supported");
    }
    if (text.empty()) {
      return JsonError(400, "bad_request", "no query: give ?query=...");
    }
    auto store = handle_->Current();
    auto view = store->NewReadView();
    return RunSparql(*view, text, req.get_header_value("Accept"),
                     req.get_param_value("format"), options_.query);
  }

  ApiResponse StatusApi() {
    auto store = handle_->Current();
    auto stats = store->Stats();
    if (!stats.ok()) return ErrorFromStatus(stats.status());
    return JsonOk({{"store", store->path()},
                   {"sequence", store->NewReadView()->sequence()},
                   {"triples", stats->triples},
                   {"documents", stats->documents},
                   {"statements", stats->statements},
                   {"writes", writer_ != nullptr},
                   {"reopened", handle_->reopen_count()},
                   {"limits",
                    {{"timeout_ms", options_.query.timeout.count()},
                     {"max_rows", options_.query.max_rows},
                     {"max_concurrent", options_.max_concurrent},
                     {"max_body_bytes", options_.max_body_bytes}}}});
  }

  // A graph session over the current store, with its entity index.
  struct Session {
    std::shared_ptr<Store> store;
    std::unique_ptr<GraphSession> graph;
    std::shared_ptr<const EntityIndex> index;
  };
  StatusOr<Session> OpenSession() {
    Session s;
    s.store = handle_->Current();
    auto g =
        GraphSession::Open(*s.store, handle_->snapshots(), options_.base_iri);
    if (!g.ok()) return g.status();
    s.graph = std::move(g).value();
    auto index = handle_->Entities(s.graph->view());
    if (!index.ok()) return index.status();
    s.index = *index;
    return s;
  }

  ApiResponse Entities(const httplib::Request& req) {
    auto limit = IntParam(req, "limit", 20, 1, 1000);
    if (!limit.ok()) return ErrorFromStatus(limit.status());
    auto s = OpenSession();
    if (!s.ok()) return ErrorFromStatus(s.status());
    EntitySearch search{Param(req, "q", "prefix"), req.get_param_value("type"),
                        static_cast<size_t>(*limit), FlagParam(req, "all")};
    return SearchEntities(*s->index, s->graph->graph(), search);
  }

  ApiResponse Neighbors(const httplib::Request& req) {
    auto depth = IntParam(req, "depth", 1, 1, 4);
    if (!depth.ok()) return ErrorFromStatus(depth.status());
    auto limit = IntParam(req, "limit", 100, 1, 2000);
    if (!limit.ok()) return ErrorFromStatus(limit.status());
    std::string direction =
        req.has_param("direction") ? req.get_param_value("direction") : "both";
    if (direction != "out" && direction != "in" && direction != "both") {
      return JsonError(400, "bad_request", "direction must be out, in or both");
    }
    auto s = OpenSession();
    if (!s.ok()) return ErrorFromStatus(s.status());
    NeighborsRequest n{Param(req, "entity", "id"), static_cast<int>(*depth),
                       static_cast<size_t>(*limit),
                       req.get_param_value("predicate"), direction};
    return NeighborsApi(*s->graph, s->index.get(), n);
  }

  ApiResponse Path(const httplib::Request& req) {
    auto depth = IntParam(req, "max_depth", 6, 1, 12);
    if (!depth.ok()) return ErrorFromStatus(depth.status());
    auto limit = IntParam(req, "limit", 20, 1, 200);
    if (!limit.ok()) return ErrorFromStatus(limit.status());
    auto s = OpenSession();
    if (!s.ok()) return ErrorFromStatus(s.status());
    PathRequest p{req.get_param_value("from"), req.get_param_value("to"),
                  static_cast<int>(*depth), FlagParam(req, "all"),
                  static_cast<size_t>(*limit)};
    return PathApi(*s->graph, s->index.get(), p);
  }

  ApiResponse Why(const httplib::Request& req) {
    auto s = OpenSession();
    if (!s.ok()) return ErrorFromStatus(s.status());
    WhyRequest w{Param(req, "s", "subject"), Param(req, "p", "predicate"),
                 Param(req, "o", "object")};
    return WhyApi(*s->graph, handle_->vocabulary(), s->index.get(), w);
  }

  void Static(httplib::Response& res, const std::string& file,
              const char* type) {
    std::string body;
    if (options_.web_dir.empty() ||
        !ReadFile(options_.web_dir + "/" + file, &body)) {
      Send(res, JsonError(404, "not_found",
                          file + " is not installed" +
                              (file.rfind("node_modules", 0) == 0
                                   ? " (run: npm ci in web/, or "
                                     "scripts/install-deps.sh)"
                                   : "")));
      return;
    }
    res.set_content(body, type);
  }

  const ServeOptions options_;
  std::unique_ptr<StoreHandle> handle_;
  std::unique_ptr<DocumentWriter> writer_;
  Gate gate_;
};

}  // namespace

std::unique_ptr<Routes> InstallRoutes(httplib::Server& svr,
                                      const ServeOptions& options,
                                      std::unique_ptr<StoreHandle> handle) {
  auto routes = std::make_unique<Server>(options, std::move(handle));
  routes->Install(svr);
  return routes;
}

}  // namespace kg::server
