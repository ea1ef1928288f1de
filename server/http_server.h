// `kg serve`: the HTTP server over a store. It answers the SPARQL 1.1 Protocol
// query operation at /sparql (GET ?query=, POST application/sparql-query or
// application/x-www-form-urlencoded), the JSON endpoints /api/status,
// /api/entities, /api/neighbors, /api/path and /api/why, the write endpoints
// POST/DELETE /api/documents (only with allow_writes and the bearer token),
// and the explorer page from `web_dir`.
//
// Limits, so that one client cannot take it down: request bodies above
// max_body_bytes get 413; each query stops at query.timeout / query.max_rows
// (503); at most max_concurrent requests do work at once, any more get 503
// with Retry-After at once rather than queueing; slow or idle connections
// are dropped after a few seconds.
#ifndef KG_SERVER_HTTP_SERVER_H_
#define KG_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <functional>
#include <string>

#include "query/query.h"
#include "storage/status.h"
#include "storage/term.h"

namespace kg::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 7070;  // 0: any free port
  std::string db;
  int wait_seconds = 0;
  std::string base_iri = std::string(kDefaultBaseIri);
  bool allow_writes = false;
  std::string token;  // required with allow_writes
  size_t max_body_bytes = 4 << 20;
  query::QueryOptions query;
  int max_concurrent = 4;
  std::string web_dir;     // empty: no page
  std::string model_path;  // parser model for text ingest
  bool log_requests = false;
  // Called once the socket is bound, with the base URL (http://host:port/).
  std::function<void(const std::string&)> on_listening;
};

// Serves until SIGINT or SIGTERM. Errors: the store cannot be opened, the
// address cannot be bound.
Status Serve(const ServeOptions& options);

// The directory of the explorer page: web/ of this source tree while it
// exists, else <prefix>/share/kg/web beside an installed kg.
std::string DefaultWebDir();

}  // namespace kg::server

#endif  // KG_SERVER_HTTP_SERVER_H_
