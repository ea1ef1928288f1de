// One input article as the readers deliver it to the pipeline.
#ifndef KG_INGEST_ARTICLE_H_
#define KG_INGEST_ARTICLE_H_

#include <string>

namespace kg {

struct Article {
  std::string id;      // JSONL id, or path relative to the input directory, or "-" / stdin
  std::string title;
  std::string date;    // ISO date (YYYY-MM-DD...) when known, else empty
  std::string url;
  std::string source;  // where it was read from: file path (and line for JSONL)
  std::string text;    // valid UTF-8, BOM removed, CRLF → LF
};

}  // namespace kg

#endif  // KG_INGEST_ARTICLE_H_
