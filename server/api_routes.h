// Internal to server/: the endpoints of `kg serve` on a cpp-httplib server:
// request parsing (SPARQL protocol forms, parameters with bounds), the
// concurrency gate, write access, and the explorer page's files.
#ifndef KG_SERVER_API_ROUTES_H_
#define KG_SERVER_API_ROUTES_H_

#include <httplib.h>

#include <memory>

#include "server/http_server.h"
#include "server/store_handle.h"

namespace kg::server {

class Routes {
 public:
  virtual ~Routes() = default;
};

// Registers every endpoint on `svr`. The returned object holds the store and
// must outlive the server's run.
std::unique_ptr<Routes> InstallRoutes(httplib::Server& svr,
                                      const ServeOptions& options,
                                      std::unique_ptr<StoreHandle> handle);

}  // namespace kg::server

#endif  // KG_SERVER_API_ROUTES_H_
