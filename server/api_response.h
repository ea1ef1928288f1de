// What an endpoint of `kg serve` answers: a status code, a content type and a
// body, independent of the HTTP library, so the endpoints are plain functions
// that tests can call. Errors are JSON objects {"error": message, "code":
// short-name} with any extra fields the endpoint adds (line, column, ...).
#ifndef KG_SERVER_API_RESPONSE_H_
#define KG_SERVER_API_RESPONSE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace kg::server {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// 200 with the JSON document.
ApiResponse JsonOk(const nlohmann::json& body);

// `status` with {"error": message, "code": code} merged with `extra`.
ApiResponse JsonError(int status, const std::string& code,
                      const std::string& message,
                      const nlohmann::json& extra = nlohmann::json::object());

// The HTTP answer for a failing Status: NotFound 404, InvalidArgument 400,
// DeadlineExceeded / ResourceExhausted / Busy 503, anything else 500.
ApiResponse ErrorFromStatus(const Status& status);

}  // namespace kg::server

#endif  // KG_SERVER_API_RESPONSE_H_
