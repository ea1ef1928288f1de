#include "server/api_response.h"

namespace kg::server {

ApiResponse JsonOk(const nlohmann::json& body) {
  ApiResponse r;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse JsonError(int status, const std::string& code,
                      const std::string& message, const nlohmann::json& extra) {
  nlohmann::json body = {{"error", message}, {"code", code}};
  if (extra.is_object()) body.update(extra);
  ApiResponse r;
  r.status = status;
  // Invalid UTF-8 in an echoed name must not turn an error into a crash.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse ErrorFromStatus(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotFound:
      return JsonError(404, "not_found", status.message());
    case Status::Code::kInvalidArgument:
      return JsonError(400, "bad_request", status.message());
    case Status::Code::kDeadlineExceeded:
      return JsonError(503, "timeout", status.message());
    case Status::Code::kResourceExhausted:
      return JsonError(503, "limit", status.message());
    case Status::Code::kBusy:
      return JsonError(503, "busy", status.message());
    default:
      return JsonError(500, "internal", status.message());
  }
}

}  // namespace kg::server
