// Read-only access to what each document of a store contributes: its record
// and the distinct triples it supports (its contribution list), which the
// ReadView does not expose. For exports that group triples by document (one
// named graph per document) or need each triple's supporting documents.
//
// Opens the store read-only, so it runs beside a writer and sees the store as
// of the open; view() resolves term ids against the same state. A
// DocumentScan is used by one thread at a time.
#ifndef KG_STORAGE_DOCUMENT_SCAN_H_
#define KG_STORAGE_DOCUMENT_SCAN_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/status.h"
#include "storage/store.h"

namespace kg {

struct Engine;

class DocumentScan {
 public:
  // NotFound when there is no store at `path`; InvalidArgument when it is
  // not a kg store.
  static StatusOr<std::unique_ptr<DocumentScan>> Open(const std::string& path);
  ~DocumentScan();

  // Calls `fn` for every document in id order with its record and its
  // triples (spo order). Stops at the first non-OK status `fn` returns and
  // returns it; Corruption when a contribution list is damaged.
  using Visitor = std::function<Status(const DocumentRecord& doc,
                                       const std::vector<IdTriple>& triples)>;
  Status ForEach(const Visitor& fn) const;

  const ReadView& view() const { return *view_; }

 private:
  explicit DocumentScan(std::shared_ptr<Engine> e);
  std::shared_ptr<Engine> e_;
  std::unique_ptr<ReadView> view_;
};

}  // namespace kg

#endif  // KG_STORAGE_DOCUMENT_SCAN_H_
