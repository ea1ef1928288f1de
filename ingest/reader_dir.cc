// The directory reader and the dispatch of input paths to readers.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "ingest/reader.h"
#include "ingest/reader_text.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* x : exts)
    if (e == x) return true;
  return false;
}

// Lists the .txt/.md files under the directory at construction (names only,
// sorted by relative path), then reads them one at a time.
class DirectoryReader : public ArticleReader {
 public:
  explicit DirectoryReader(const std::string& dir) : dir_(dir) {
    std::error_code ec;
    fs::recursive_directory_iterator it(
        dir_, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {  // hidden files and .git etc.
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      std::error_code fec;
      if (it->is_regular_file(fec) && HasExtension(p, {".txt", ".md"}))
        files_.push_back(p.lexically_relative(dir_).generic_string());
    }
    if (ec) {
      error_ =
          reader::Skipped(dir, 1, "cannot list directory: " + ec.message());
    }
    std::sort(files_.begin(), files_.end());
  }

  bool Next(ReadResult* out) override {
    if (!error_.ok()) {
      out->status = error_;
      error_ = Status::OK();
      return true;
    }
    if (next_ >= files_.size()) return false;
    const std::string& rel = files_[next_++];
    *out = reader::ReadTextFile((dir_ / rel).string(), rel);
    return true;
  }

 private:
  fs::path dir_;
  std::vector<std::string> files_;
  size_t next_ = 0;
  Status error_;
};

// Whether the file's first non-blank character (after a BOM) is '{': a JSON
// Lines file without the usual extension.
bool StartsWithBrace(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[4096];
  size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  std::string_view head(buf, n);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && head[first] == '{';
}

class ChainReader : public ArticleReader {
 public:
  explicit ChainReader(std::vector<std::string> paths)
      : paths_(std::move(paths)) {}

  bool Next(ReadResult* out) override {
    for (;;) {
      if (current_ && current_->Next(out)) return true;
      if (next_ >= paths_.size()) return false;
      current_ = OpenOne(paths_[next_++]);
    }
  }

 private:
  static std::unique_ptr<ArticleReader> OpenOne(const std::string& path) {
    if (path == "-") return OpenStdinReader();
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      ReadResult r;
      r.status = reader::Skipped(path, 1, "no such file or directory");
      return std::make_unique<OneError>(std::move(r));
    }
    if (fs::is_directory(st)) return OpenDirectoryReader(path);
    if (HasExtension(path, {".jsonl", ".ndjson", ".json"}) ||
        (!HasExtension(path, {".txt", ".md"}) && StartsWithBrace(path)))
      return OpenJsonLinesReader(path);
    return OpenTextFileReader(path);
  }

  struct OneError : ArticleReader {
    explicit OneError(ReadResult r) : r_(std::move(r)) {}
    bool Next(ReadResult* out) override {
      if (done_) return false;
      done_ = true;
      *out = std::move(r_);
      return true;
    }
    ReadResult r_;
    bool done_ = false;
  };

  std::vector<std::string> paths_;
  size_t next_ = 0;
  std::unique_ptr<ArticleReader> current_;
};

}  // namespace

std::unique_ptr<ArticleReader> OpenDirectoryReader(const std::string& dir) {
  return std::make_unique<DirectoryReader>(dir);
}

std::unique_ptr<ArticleReader> OpenArticleReader(
    const std::vector<std::string>& paths) {
  return std::make_unique<ChainReader>(paths);
}

}  // namespace kg
