// Article readers: turn input paths into a stream of Articles for `kg ingest`.
//
// Inputs: a directory (recursive; *.txt and *.md, in sorted order; id = path
// relative to the directory; title = the first line when it stands alone), a
// JSON Lines file (*.jsonl, *.ndjson, *.json: fields id, title, date, text,
// url; others ignored; also any file other than *.txt/*.md whose first
// non-blank character is '{'), any other file (one plain-text document, id =
// its file name), and "-" for standard input (JSON Lines when its first
// non-blank character is '{', else one plain-text document with id "stdin").
//
// Streaming: Next() holds at most one document (and one input line) in memory.
// Bad input never stops the stream: invalid UTF-8, NUL bytes, a binary file, a
// malformed or absurdly nested JSON line, an empty text, a document over
// kMaxDocumentBytes or a line over kMaxLineBytes each yield one error record
// whose message reads "SOURCE:LINE: reason; document skipped", and reading
// goes on with the next document.
//
// Thread-safety: a reader is used by one thread at a time.
#ifndef KG_INGEST_READER_H_
#define KG_INGEST_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "ingest/article.h"
#include "storage/status.h"

namespace kg {

inline constexpr size_t kMaxDocumentBytes = 10u << 20;  // 10 MiB of text
inline constexpr size_t kMaxLineBytes = 24u << 20;      // one JSONL record
inline constexpr int kMaxJsonDepth = 100;

// One item of the stream: an article, or the reason a document was skipped.
struct ReadResult {
  Status status;    // !ok(): message is "SOURCE:LINE: reason; document skipped"
  Article article;  // valid when status.ok()
};

class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  // Fills *out with the next article or error record; false at the end.
  virtual bool Next(ReadResult* out) = 0;
};

// A reader over all `paths` in the order given. A path that cannot be opened
// yields an error record, not a failure. Never returns null.
std::unique_ptr<ArticleReader> OpenArticleReader(
    const std::vector<std::string>& paths);

// Readers for one input of a known kind (used by OpenArticleReader; exposed
// for tests). `source` is the name used in messages and Article::source.
std::unique_ptr<ArticleReader> OpenDirectoryReader(const std::string& dir);
std::unique_ptr<ArticleReader> OpenJsonLinesReader(const std::string& path);
std::unique_ptr<ArticleReader> OpenTextFileReader(const std::string& path);
// Reads standard input (or `in`, for tests) as described above.
std::unique_ptr<ArticleReader> OpenStdinReader(std::FILE* in = stdin);

}  // namespace kg

#endif  // KG_INGEST_READER_H_
