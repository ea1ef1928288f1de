// who_met: ingests news text into a kg store and answers questions about it,
// through the installed facade <kg/kg.h> only.
//
//   who_met STORE ingest FILE|-       analyse a text (file or stdin) and store
//   it who_met STORE query 'SPARQL'      print the rows, tab-separated who_met
//   STORE neighbours NAME     the entities linked to NAME who_met STORE why S P
//   O           the sentences behind a fact who_met STORE model the parser
//   model ingest would use
#include <kg/kg.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

int Fail(const kg::Status& status) {
  std::cerr << "who_met: " << status.ToString() << "\n";
  return 1;
}

int Ingest(kg::Database& db, const std::string& file) {
  kg::TextDocument doc;
  doc.id = file == "-" ? "stdin" : file;
  doc.title = doc.id;
  if (file == "-") {
    doc.text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Fail(kg::Status::IOError("cannot read " + file));
    std::ostringstream text;
    text << in.rdbuf();
    doc.text = text.str();
  }
  auto result = db.IngestText(doc);
  if (!result.ok()) return Fail(result.status());
  std::cout << doc.id << ": " << result->sentences << " sentences, "
            << result->triples << " triples\n";
  return 0;
}

int Query(const kg::Database& db, const std::string& sparql) {
  auto result = db.Query(sparql);
  if (!result.ok()) return Fail(result.status());
  kg::QueryResult& rows = **result;
  for (size_t i = 0; i < rows.variables().size(); ++i) {
    std::cout << (i ? "\t" : "") << "?" << rows.variables()[i];
  }
  std::cout << "\n";
  while (rows.Next()) {
    for (size_t i = 0; i < rows.variables().size(); ++i) {
      std::cout << (i ? "\t" : "") << rows.Text(i);
    }
    std::cout << "\n";
  }
  return rows.status().ok() ? 0 : Fail(rows.status());
}

int Neighbours(const kg::Database& db, const std::string& name) {
  auto found = db.Neighbours(name);
  if (!found.ok()) return Fail(found.status());
  for (const kg::Neighbour& n : *found) {
    const kg::Link& l = n.via;
    std::cout << l.from << (l.forward ? " -[" : " <-[") << l.predicate
              << (l.forward ? "]-> " : "]- ") << l.to << "\n";
  }
  return 0;
}

int Why(const kg::Database& db, const std::string& s, const std::string& p,
        const std::string& o) {
  auto facts = db.Why(s, p, o);
  if (!facts.ok()) return Fail(facts.status());
  for (const kg::FactSupport& f : *facts) {
    std::cout << f.subject << "  " << f.predicate << "  " << f.object << "\n";
    for (const kg::SupportingSentence& e : f.evidence) {
      std::cout << "  " << e.document_id << ", sentence " << e.sentence << ": "
                << e.text << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: who_met STORE ingest FILE|- | query SPARQL | "
                 "neighbours NAME | why S P O | model\n";
    return 2;
  }
  const std::string store = argv[1], command = argv[2];
  kg::DatabaseOptions options;
  options.read_only = command != "ingest";
  options.wait_seconds = 10;
  auto db = kg::Database::Open(store, options);
  if (!db.ok()) return Fail(db.status());
  if (command == "ingest" && argc == 4) return Ingest(**db, argv[3]);
  if (command == "query" && argc == 4) return Query(**db, argv[3]);
  if (command == "neighbours" && argc == 4) return Neighbours(**db, argv[3]);
  if (command == "why" && argc == 6) {
    return Why(**db, argv[3], argv[4], argv[5]);
  }
  if (command == "model") {
    auto model = (*db)->ModelPath();
    if (!model.ok()) return Fail(model.status());
    std::cout << *model << "\n";
    return 0;
  }
  std::cerr << "who_met: unknown command or wrong arguments: " << command
            << "\n";
  return 2;
}
