#include "ingest/rdf_serd_parser.h"

#include <cstdarg>
#include <cstring>

namespace kg {
namespace {

std::string_view View(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

SerdSyntax SyntaxOf(RdfFormat format) {
  switch (format) {
    case RdfFormat::kTurtle:
      return SERD_TURTLE;
    case RdfFormat::kNQuads:
      return SERD_NQUADS;
    default:
      return SERD_NTRIPLES;  // also TSV lines, rewritten as N-Triples
  }
}

// Keeps the code of `status`, puts `prefix` before its message.
Status Prefixed(const std::string& prefix, const Status& status) {
  std::string msg = prefix + status.message();
  switch (status.code()) {
    case Status::Code::kIOError:
      return Status::IOError(msg);
    case Status::Code::kResourceExhausted:
      return Status::ResourceExhausted(msg);
    case Status::Code::kBusy:
      return Status::Busy(msg);
    default:
      return Status::InvalidArgument(msg);
  }
}

}  // namespace

SerdParser::SerdParser(const RdfReadOptions& options, const RdfSink* sink)
    : options_(options), sink_(sink) {
  SerdNode base = serd_node_from_string(
      SERD_URI, reinterpret_cast<const uint8_t*>(options_.base_iri.c_str()));
  env_ = serd_env_new(&base);
  reader_ = serd_reader_new(SyntaxOf(options_.format), this, nullptr, OnBase,
                            OnPrefix, OnStatement, nullptr);
  serd_reader_set_strict(reader_, true);
  serd_reader_set_error_sink(reader_, OnError, this);
}

SerdParser::~SerdParser() {
  serd_reader_free(reader_);
  serd_env_free(env_);
}

Status SerdParser::ReadSource(CountingSource* source, size_t page_size) {
  source_ = source;
  SerdStatus st = serd_reader_read_source(
      reader_, CountingSource::Read, CountingSource::Error, source,
      reinterpret_cast<const uint8_t*>(options_.name.c_str()), page_size);
  return Finish(st);
}

Status SerdParser::ReadLine(const std::string& text, uint64_t line) {
  fixed_line_ = line;
  SerdStatus st = serd_reader_read_string(
      reader_, reinterpret_cast<const uint8_t*>(text.c_str()));
  return Finish(st);
}

uint64_t SerdParser::line() const {
  if (fixed_line_ != 0) return fixed_line_;
  return source_ != nullptr ? source_->line() : 0;
}

Status SerdParser::Finish(SerdStatus st) {
  if (failed_in_statement_) return statement_error_;
  if (!syntax_error_.empty()) return Status::InvalidArgument(syntax_error_);
  if (source_ != nullptr && std::ferror(source_->file)) {
    return Status::IOError(options_.name +
                           ": read error: " + std::strerror(errno));
  }
  if (st != SERD_SUCCESS && st != SERD_FAILURE) {
    return Status::InvalidArgument(
        options_.name + ":" + std::to_string(line()) + ": " +
        reinterpret_cast<const char*>(serd_strerror(st)));
  }
  return Status::OK();
}

SerdStatus SerdParser::OnBase(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<SerdParser*>(handle)->env_, uri);
}

SerdStatus SerdParser::OnPrefix(void* handle, const SerdNode* name,
                                const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<SerdParser*>(handle)->env_, name, uri);
}

SerdStatus SerdParser::OnError(void* handle, const SerdError* error) {
  auto* self = static_cast<SerdParser*>(handle);
  if (!self->syntax_error_.empty()) return SERD_SUCCESS;
  char buf[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(buf, sizeof buf, error->fmt, args);
  va_end(args);
  std::string reason(buf);
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) {
    reason.pop_back();
  }
  // serd reports the end of the input inside a term as character -1.
  if (reason.find("%FFFFFFFF") != std::string::npos) {
    reason = "unexpected end of file inside a term (truncated file?)";
  }
  uint64_t line = self->fixed_line_ != 0 ? self->fixed_line_ : error->line;
  self->syntax_error_ =
      self->options_.name + ":" + std::to_string(line) + ": " + reason;
  if (self->fixed_line_ == 0) {
    self->syntax_error_ += " (column " + std::to_string(error->col) + ")";
  }
  return SERD_SUCCESS;
}

SerdStatus SerdParser::OnStatement(
    void* handle, SerdStatementFlags, const SerdNode* graph,
    const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
    const SerdNode* datatype, const SerdNode* lang) {
  auto* self = static_cast<SerdParser*>(handle);
  Status st =
      self->Statement(graph, subject, predicate, object, datatype, lang);
  if (st.ok()) return SERD_SUCCESS;
  self->failed_in_statement_ = true;
  self->statement_cause_ = st;
  self->statement_error_ = Prefixed(
      self->options_.name + ":" + std::to_string(self->line()) + ": ", st);
  return SERD_ERR_BAD_ARG;
}

Status SerdParser::Statement(const SerdNode* graph, const SerdNode* subject,
                             const SerdNode* predicate, const SerdNode* object,
                             const SerdNode* datatype, const SerdNode* lang) {
  ++statements_;
  if (stop_at_ != 0 && statements_ == stop_at_) return stop_reason_;
  KG_RETURN_IF_ERROR(ToTerm(subject, &triple_.subject));
  KG_RETURN_IF_ERROR(ToTerm(predicate, &triple_.predicate));
  KG_RETURN_IF_ERROR(ToTerm(object, &triple_.object));
  Term& o = triple_.object;
  if (o.is_literal()) {
    if (lang != nullptr && lang->buf != nullptr) {
      o.lang.assign(View(lang));
      for (char& c : o.lang) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else if (datatype != nullptr && datatype->buf != nullptr) {
      KG_RETURN_IF_ERROR(ExpandIri(datatype, &o.datatype));
      if (o.datatype.size() == kXsdNs.size() + 6 &&
          o.datatype.compare(0, kXsdNs.size(), kXsdNs) == 0 &&
          o.datatype.compare(kXsdNs.size(), 6, "string") == 0) {
        o.datatype.clear();
      }
    }
  }
  const Term* g = nullptr;
  if (graph != nullptr && graph->buf != nullptr) {
    KG_RETURN_IF_ERROR(ToTerm(graph, &graph_));
    g = &graph_;
  }
  if (sink_ == nullptr) return Status::OK();
  return (*sink_)(triple_, g);
}

Status SerdParser::ExpandIri(const SerdNode* node, std::string* iri) const {
  if (node->type == SERD_URI &&
      serd_uri_string_has_scheme(node->buf)) {  // the common, absolute case
    iri->assign(View(node));
  } else {
    SerdNode full = serd_env_expand_node(env_, node);
    if (full.buf == nullptr) {
      if (node->type == SERD_CURIE) {
        return Status::InvalidArgument("undefined prefix in '" +
                                       std::string(View(node)) + "'");
      }
      return Status::InvalidArgument("cannot resolve IRI <" +
                                     std::string(View(node)) + ">");
    }
    iri->assign(View(&full));
    serd_node_free(&full);
  }
  if (iri->find('\0') != std::string::npos) {
    return Status::InvalidArgument("NUL character in an IRI");
  }
  return Status::OK();
}

Status SerdParser::ToTerm(const SerdNode* node, Term* term) const {
  term->datatype.clear();
  term->lang.clear();
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE:
      term->kind = Term::Kind::kIri;
      return ExpandIri(node, &term->value);
    case SERD_BLANK:
      term->kind = Term::Kind::kBlank;
      term->value = options_.blank_prefix;
      term->value.append(View(node));
      return Status::OK();
    case SERD_LITERAL:
      term->kind = Term::Kind::kLiteral;
      term->value.assign(View(node));
      if (std::memchr(node->buf, 0, node->n_bytes) != nullptr) {
        return Status::InvalidArgument("NUL character (\\u0000) in a literal");
      }
      return Status::OK();
    default:
      return Status::InvalidArgument("unexpected empty node");
  }
}

}  // namespace kg
