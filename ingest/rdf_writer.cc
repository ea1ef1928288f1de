#include "ingest/rdf_writer.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstring>

namespace kg {

struct RdfWriter::Impl {
  std::FILE* file = nullptr;
  std::string* text = nullptr;
  RdfOutputFormat format = RdfOutputFormat::kNTriples;
  SerdEnv* env = nullptr;
  SerdWriter* writer = nullptr;
  bool failed = false;  // the output refused bytes
  bool finished = false;
  int error_number = 0;

  ~Impl() {
    serd_writer_free(writer);
    serd_env_free(env);
  }
};

namespace {

SerdNode Node(SerdType type, const std::string& s) {
  return serd_node_from_substring(
      type, reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// A resource node (subject, predicate, graph); literals are refused.
Status Resource(const Term& t, const char* role, bool allow_blank,
                SerdNode* node) {
  if (t.is_iri() && !t.value.empty()) {
    *node = Node(SERD_URI, t.value);
  } else if (t.is_blank() && allow_blank && !t.value.empty()) {
    *node = Node(SERD_BLANK, t.value);
  } else {
    return Status::InvalidArgument(std::string("cannot write ") +
                                   t.ToNTriples() + " as the " + role);
  }
  return Status::OK();
}

}  // namespace

RdfWriter::RdfWriter(std::FILE* out, RdfOutputFormat format)
    : impl_(std::make_unique<Impl>()) {
  impl_->file = out;
  impl_->format = format;
  impl_->env = serd_env_new(nullptr);
  impl_->writer = serd_writer_new(
      format == RdfOutputFormat::kNQuads ? SERD_NQUADS : SERD_NTRIPLES,
      static_cast<SerdStyle>(SERD_STYLE_ASCII | SERD_STYLE_BULK), impl_->env,
      nullptr, &RdfWriter::SinkToFile, impl_.get());
}

RdfWriter::RdfWriter(std::string* out, RdfOutputFormat format)
    : impl_(std::make_unique<Impl>()) {
  impl_->text = out;
  impl_->format = format;
  impl_->env = serd_env_new(nullptr);
  impl_->writer = serd_writer_new(
      format == RdfOutputFormat::kNQuads ? SERD_NQUADS : SERD_NTRIPLES,
      SERD_STYLE_ASCII, impl_->env, nullptr, &RdfWriter::SinkToString,
      impl_.get());
}

RdfWriter::~RdfWriter() = default;

size_t RdfWriter::SinkToFile(const void* buf, size_t len, void* stream) {
  auto* impl = static_cast<Impl*>(stream);
  size_t n = std::fwrite(buf, 1, len, impl->file);
  if (n != len && !impl->failed) {
    impl->failed = true;
    impl->error_number = errno;
  }
  return n;
}

size_t RdfWriter::SinkToString(const void* buf, size_t len, void* stream) {
  static_cast<Impl*>(stream)->text->append(static_cast<const char*>(buf), len);
  return len;
}

Status RdfWriter::Write(const Triple& triple, const Term* graph) {
  if (impl_->finished) return Status::InvalidArgument("writer is finished");
  SerdNode s, p, o, g = SERD_NODE_NULL, datatype = SERD_NODE_NULL,
                    lang = SERD_NODE_NULL;
  KG_RETURN_IF_ERROR(Resource(triple.subject, "subject", true, &s));
  KG_RETURN_IF_ERROR(Resource(triple.predicate, "predicate", false, &p));
  const Term& obj = triple.object;
  if (obj.is_literal()) {
    o = Node(SERD_LITERAL, obj.value);
    if (!obj.lang.empty()) {
      lang = Node(SERD_LITERAL, obj.lang);
    } else if (!obj.datatype.empty()) {
      datatype = Node(SERD_URI, obj.datatype);
    }
  } else {
    KG_RETURN_IF_ERROR(Resource(obj, "object", true, &o));
  }
  if (graph != nullptr && impl_->format == RdfOutputFormat::kNQuads) {
    KG_RETURN_IF_ERROR(Resource(*graph, "graph", true, &g));
  }
  SerdStatus st = serd_writer_write_statement(
      impl_->writer, 0, g.buf ? &g : nullptr, &s, &p, &o,
      datatype.buf ? &datatype : nullptr, lang.buf ? &lang : nullptr);
  if (impl_->failed) {
    return Status::IOError(std::string("write failed: ") +
                           std::strerror(impl_->error_number));
  }
  if (st != SERD_SUCCESS) {
    return Status::InvalidArgument(
        "cannot write statement: " +
        std::string(reinterpret_cast<const char*>(serd_strerror(st))));
  }
  ++count_;
  return Status::OK();
}

Status RdfWriter::Finish() {
  if (impl_->finished) return Status::OK();
  impl_->finished = true;
  serd_writer_finish(impl_->writer);
  if (impl_->file != nullptr && std::fflush(impl_->file) != 0 &&
      !impl_->failed) {
    impl_->failed = true;
    impl_->error_number = errno;
  }
  if (impl_->failed) {
    return Status::IOError(std::string("write failed: ") +
                           std::strerror(impl_->error_number));
  }
  return Status::OK();
}

}  // namespace kg
